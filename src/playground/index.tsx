/**
 * The playground page: a simulated Outlook mailbox around the real task panes, which run on
 * Microsoft's office.js while this page plays Outlook on the web (outlookHost/). It owns the
 * mailbox model, publishes it for the pane pages' device script (window.__playgroundHost) and for
 * browser tests (window.__playground).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { numberingMode } from "../core";
import { PlaygroundApp } from "./components/PlaygroundApp";
import { MailboxModel } from "./model/mailboxModel";
import { publishHost } from "./outlookHost/hostBridge";
import { playOutlookOnTheWeb } from "./outlookHost/officeLibrary";
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
model.mail.selectMessage(model.mail.messagesIn("inbox")[0]?.id ?? null);

const root = createRoot(document.getElementById("root") as HTMLElement);
playOutlookOnTheWeb(window, model.host).then(
  (outlook) => {
    // Send runs the add-in's OnMessageSend handler first, in a hidden runtime (auto-stamp on send).
    installSendEvents(window, model, outlook);
    root.render(
      <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
        <PlaygroundApp model={model} session={session} />
      </FluentProvider>,
    );
  },
  (error: unknown) => {
    // No host, no panes: say why and how to fix it rather than show panes that never load.
    root.render(
      <FluentProvider theme={webLightTheme}>
        <p role="alert" style={{ padding: 16 }}>
          {error instanceof Error ? error.message : String(error)}
        </p>
      </FluentProvider>,
    );
  },
);
