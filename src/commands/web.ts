/**
 * commands-web.js: the send handler as the browser runtimes load it through commands.html (Outlook on
 * the web, new Outlook on Windows, Outlook on Mac), after office.js. IndexedDB and Web Locks are there,
 * so the handler numbers online and offline as the compose pane's button does.
 */
import { indexedDbStorage } from "../storage/indexedDbStorage";
import { registerOnMessageSend } from "./register";

registerOnMessageSend(indexedDbStorage());
// office.js in a browser registers for launch events only once the page called Office.onReady (or
// set Office.initialize): until then Outlook's OnMessageSend never reaches the handler (office.js's
// appReady waits for one of them). The JavaScript-only runtime (index.ts) has no onReady to call.
void (globalThis as { Office?: typeof Office }).Office?.onReady();
