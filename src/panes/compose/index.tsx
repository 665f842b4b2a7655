import { createRoot } from "react-dom/client";
import { OfficeUnavailable, PaneLoading, PaneShell } from "../shared/PaneShell";
import { hostTheme, waitForOutlook } from "../shared/officeReady";
import { ComposePane } from "./ComposePane";
import { createComposePorts } from "./createPorts";

const root = createRoot(document.getElementById("root") as HTMLElement);
root.render(<PaneShell><PaneLoading label="Loading Tracking Tokens…" /></PaneShell>);

async function start(): Promise<void> {
  const readiness = await waitForOutlook();
  if (readiness.status !== "ready") {
    root.render(<PaneShell><OfficeUnavailable reason={readiness.reason} /></PaneShell>);
    return;
  }
  const theme = hostTheme();
  try {
    const ports = await createComposePorts();
    root.render(<PaneShell theme={theme}><ComposePane {...ports} /></PaneShell>);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    root.render(<PaneShell theme={theme}><OfficeUnavailable title="The pane could not start" reason={reason} /></PaneShell>);
  }
}

void start();
