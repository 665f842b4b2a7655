/** The compose pane's numbering, a chunk of its own (createPorts.ts): the authority, over this device's IndexedDB stores. */
export { openAuthority } from "../../authority/openAuthority";
export { indexedDbStorage } from "../../storage/indexedDbStorage";
