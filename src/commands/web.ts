/**
 * commands-web.js: the send handler as the browser runtimes load it through commands.html (Outlook on
 * the web, new Outlook on Windows, Outlook on Mac), after office.js. IndexedDB and Web Locks are there,
 * so the handler numbers online and offline as the compose pane's button does.
 */
import { indexedDbStorage } from "../storage/indexedDbStorage";
import { registerOnMessageSend } from "./register";

registerOnMessageSend(indexedDbStorage());
