import { createRoot } from "react-dom/client";
import { PaneLoading, PaneShell } from "../shared/PaneShell";
import { hostTheme, waitForOutlook } from "../shared/officeReady";
import { browserOfflineCopy } from "../shared/offlineCopy";
import { loadPaneTheme } from "../shared/paneTheme";
import { ComposePane } from "./ComposePane";
import { Notice } from "./Notice";
import { createComposePorts } from "./createPorts";
// The module, not the barrel (why: createPorts.ts).
import { createOfficePorts } from "../../office/officePorts";
import { followNumberingMode, modeKey } from "../shared/serviceUrl";

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
  let office;
  try {
    office = createOfficePorts();
  } catch (error) {
    return couldNotStart(error, await theme);
  }
  let running: { dispose(): void } | undefined;
  // A new Service URL, saved here or in another pane, rebuilds the ports: no reload needed.
  await followNumberingMode(office.settings, async (mode, current) => {
    try {
      const ports = await createComposePorts(office, mode);
      if (!current()) return ports.monitor.dispose();
      running?.dispose();
      running = ports.monitor;
      root.render(<PaneShell theme={await theme} offlineCopy={offlineCopy}><ComposePane key={modeKey(mode)} {...ports} /></PaneShell>);
    } catch (error) {
      if (current()) couldNotStart(error, await theme);
    }
  });
}

function couldNotStart(error: unknown, theme: Awaited<ReturnType<typeof loadPaneTheme>>): void {
  const reason = error instanceof Error ? error.message : String(error);
  root.render(<PaneShell theme={theme} offlineCopy={offlineCopy}><Notice of={{ kind: "office-unavailable", title: "The pane could not start", reason }} /></PaneShell>);
}

void start();
