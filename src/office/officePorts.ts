/** Builds the Office-backed ports a pane needs, from the Office global (after Office.onReady). */
import { createMailbox } from "./mailbox";
import type { OfficeLike } from "./officeTypes";
import type { MailboxPort, RoamingStore, SettingsPort } from "./ports";
import { createRoamingStore } from "./roamingStore";
import { createSettingsPort, SETTINGS_KEY } from "./settingsPort";

export type OfficePorts = {
  readonly mailbox: MailboxPort;
  readonly roaming: RoamingStore;
  readonly settings: SettingsPort;
};

/** Keys this add-in keeps in roaming settings; the size check counts them even before they are read. */
export const ROAMING_KEYS = [SETTINGS_KEY, "counter:online", "counter:offline-hwm"] as const;

export function createOfficePorts(office: OfficeLike = globalThis.Office): OfficePorts {
  const roaming = createRoamingStore(office.context.roamingSettings, { knownKeys: ROAMING_KEYS });
  return { mailbox: createMailbox(office), roaming, settings: createSettingsPort(roaming) };
}
