/**
 * The playground page: a simulated Outlook mailbox around the real task panes. It owns the mailbox
 * model and publishes it for the panes' fake Office (window.__playgroundHost) and for browser
 * tests (window.__playground).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { PlaygroundApp } from "./components/PlaygroundApp";
import { publishHost } from "./fakeOffice/hostBridge";
import { MailboxModel } from "./model/mailboxModel";
import { createPlaygroundApi, type PlaygroundApi } from "./playgroundApi";

declare global {
  interface Window {
    __playground?: PlaygroundApi;
  }
}

const model = new MailboxModel({ storage: window.localStorage });
// Published before any pane iframe exists, so every pane finds the mailbox when it loads.
publishHost(window, model);
window.__playground = createPlaygroundApi(model);
model.selectMessage(model.messagesIn("inbox")[0]?.id ?? null);

createRoot(document.getElementById("root") as HTMLElement).render(
  <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
    <PlaygroundApp model={model} />
  </FluentProvider>,
);
