import { createRoot } from "react-dom/client";
import { PaneLoading, PaneShell } from "../shared/PaneShell";
import { hostTheme, waitForOutlook } from "../shared/officeReady";
import { browserOfflineCopy } from "../shared/offlineCopy";
import { loadPaneTheme } from "../shared/paneTheme";
import { ComposePane } from "./ComposePane";
import { Notice } from "./Notice";
import { createComposePorts } from "./createPorts";

const root = createRoot(document.getElementById("root") as HTMLElement);
root.render(<PaneShell><PaneLoading label="Loading Tracking Tokens…" /></PaneShell>);

// Registered by the first full render (PaneShell), never before: it must not delay the pane.
const offlineCopy = browserOfflineCopy();

async function start(): Promise<void> {
  const readiness = await waitForOutlook();
  if (readiness.status !== "ready") {
    root.render(<PaneShell offlineCopy={offlineCopy}><Notice of={{ kind: "office-unavailable", reason: readiness.reason }} /></PaneShell>);
    return;
  }
  // Loads (a dark host) while the ports open.
  const theme = loadPaneTheme(hostTheme());
  try {
    const ports = await createComposePorts();
    root.render(<PaneShell theme={await theme} offlineCopy={offlineCopy}><ComposePane {...ports} /></PaneShell>);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    root.render(<PaneShell theme={await theme} offlineCopy={offlineCopy}><Notice of={{ kind: "office-unavailable", title: "The pane could not start", reason }} /></PaneShell>);
  }
}

void start();
