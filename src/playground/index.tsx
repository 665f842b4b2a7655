/**
 * The playground page: a simulated Outlook mailbox around the real task panes. It owns the mailbox
 * model and publishes it for the panes' fake Office (window.__playgroundHost) and for browser
 * tests (window.__playground).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { numberingMode } from "../core";
import { PlaygroundApp } from "./components/PlaygroundApp";
import { publishHost } from "./fakeOffice/hostBridge";
import { MailboxModel } from "./model/mailboxModel";
import { officeLibraryOf, playOutlookOnTheWeb } from "./outlookHost/officeLibrary";
import { modelOptionsFor, readSession } from "./session";
import { createPlaygroundApi, type PlaygroundApi } from "./playgroundApi";
import { installSendEvents } from "./sendEvents";

declare global {
  interface Window {
    __playground?: PlaygroundApi;
  }
}

// Who is signed in, and the tracking service (?user=…&service=…, remembered): see session.ts.
const session = readSession(window.location, window.localStorage);
const model = new MailboxModel(modelOptionsFor(session, window.localStorage, (input, init) => window.fetch(input, init)));
// The panes read the service URL from the user's settings when they load.
const mode = numberingMode(session.serviceUrl);
if (mode.kind === "service") model.settings.setServiceUrl(session.serviceOn ? mode.url : "");
// Published before any pane iframe exists, so every pane finds the mailbox when it loads.
publishHost(window, model.host);
window.__playground = createPlaygroundApi(model, session.serviceUrl);
// Send runs the add-in's OnMessageSend handler first, in a hidden runtime (auto-stamp on send).
installSendEvents(window, model);
model.mail.selectMessage(model.mail.messagesIn("inbox")[0]?.id ?? null);

const render = () =>
  createRoot(document.getElementById("root") as HTMLElement).render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <PlaygroundApp model={model} session={session} />
    </FluentProvider>,
  );
// ?office=microsoft: the panes load Microsoft's office.js and this page plays Outlook on the web.
if (officeLibraryOf(window.location) === "microsoft") void playOutlookOnTheWeb(window, model.host).then(render);
else render();
