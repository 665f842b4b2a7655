/**
 * fake-office.js: runs in a playground pane page before the pane bundle (which is deferred) and
 * sets window.Office. In the playground the mailbox is the parent page's model; a pane page opened
 * on its own gets a mailbox of its own with the sample messages.
 */
import { MailboxModel } from "../model/mailboxModel";
import type { PaneHost, Surface } from "../model/paneHost";
import { createFakeOffice, overrideIndexedDb, overrideOnLine, type PaneWindow } from "./fakeOffice";
import { findParentHost, LAUNCH_EVENT_KEY } from "./hostBridge";
import { createNestedAppAuthBridge } from "./naaBridge";

const win = window as PaneWindow;
// The send handler's page (commands.html) sees the draft being sent, as the compose pane does.
const surface: Surface = /(compose|commands)(\.html)?$/i.test(win.location.pathname) ? "compose" : "read";

function standaloneHost(): PaneHost {
  const { mail, host } = new MailboxModel({ storage: win.localStorage });
  if (surface === "compose") mail.composeNew();
  else mail.selectMessage(mail.messagesIn("inbox")[0]?.id ?? null);
  return host;
}

const host = findParentHost(win) ?? standaloneHost();
overrideOnLine(win, host);
// The device (?device=phone on a pane page opened on its own, else the playground's switch).
overrideIndexedDb(win, new URLSearchParams(win.location.search).get("device") ?? host.device ?? "laptop");
const fake = createFakeOffice({ win, host, surface });
(win as unknown as { Office: unknown }).Office = fake.office;
// office.js defines OfficeRuntime beside Office; its auth is single sign-on for the tracking service.
(win as unknown as { OfficeRuntime: unknown }).OfficeRuntime = fake.runtime;
// Outlook's broker for MSAL: nested app authentication answered with development tokens.
(win as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = createNestedAppAuthBridge({ win, host });
// The playground page dispatches OnMessageSend through this (same origin); see playground/sendEvents.ts.
(win as unknown as { [LAUNCH_EVENT_KEY]: unknown })[LAUNCH_EVENT_KEY] = fake.launchEvent;
// The pane is going away: the mailbox must stop calling into it.
win.addEventListener("pagehide", fake.dispose);

// Office becomes ready after the page's scripts ran (the pane bundle is deferred), never at once.
const becomeReady = () => win.setTimeout(fake.initialize, 0);
if (win.document.readyState === "loading") win.document.addEventListener("DOMContentLoaded", becomeReady, { once: true });
else becomeReady();
