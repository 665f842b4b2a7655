import { openPaneRoot } from "../shared/paneRoot";
import { ComposePane } from "./ComposePane";
import { Notice } from "./Notice";
import { createComposePorts, loadNumbering } from "./createPorts";
// The module, not the barrel (why: createPorts.ts).
import { createOfficePorts } from "../../office/officePorts";
import { followNumberingMode, modeKey } from "../shared/followNumberingMode";

const pane = openPaneRoot(document.getElementById("root") as HTMLElement);

async function start(): Promise<void> {
  // Fetched while Office gets ready; a failure shows when the ports open.
  loadNumbering().catch(() => undefined);
  if (!(await pane.waitForOutlook((reason) => <Notice of={{ kind: "office-unavailable", reason }} />))) return;
  let office;
  try {
    office = createOfficePorts();
  } catch (error) {
    return couldNotStart(error);
  }
  let running: { dispose(): void } | undefined;
  // A new Service URL, saved here or in another pane, rebuilds the ports: no reload needed.
  await followNumberingMode(office.settings, async (mode, current) => {
    try {
      const ports = await createComposePorts(office, mode);
      if (!current()) return ports.monitor.dispose();
      running?.dispose();
      running = ports.monitor;
      await pane.show(<ComposePane key={modeKey(mode)} {...ports} />);
    } catch (error) {
      if (current()) await couldNotStart(error);
    }
  });
}

function couldNotStart(error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  return pane.show(<Notice of={{ kind: "office-unavailable", title: "couldNotStart", reason }} />);
}

void start();
