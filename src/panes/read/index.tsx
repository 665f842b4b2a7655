// First: the catalogue starts downloading before the modules below evaluate (languageGuess.ts).
import { guessedLanguage } from "../shared/languageGuess";
// Modules, not the barrels (why: compose/createPorts.ts).
import { createOfficePorts } from "../../office/officePorts";
import { OfficeUnavailable } from "../shared/PaneShell";
import { openPaneRoot } from "../shared/paneRoot";
import { followNumberingMode, modeKey } from "../shared/followNumberingMode";
import { ReadPane } from "./ReadPane";

const pane = openPaneRoot(document.getElementById("root") as HTMLElement, guessedLanguage);

async function start(): Promise<void> {
  // Started before Office is ready and not awaited: the pane decodes the subject without this
  // device's history, and says what the tokens answer once it has opened (IndexedDB, a chunk).
  const history = import(/* webpackChunkName: "history" */ "./history").then((module) => module.openHistory());
  history.catch(() => undefined); // the pane says so where it would show the answers
  if (!(await pane.waitForOutlook((reason) => <OfficeUnavailable reason={reason} />))) return;
  try {
    const { mailbox, settings } = createOfficePorts();
    // With a tracking service, colleagues' tokens resolve through it; the client is a chunk of its own.
    // A new Service URL (saved in a compose pane while this one is pinned) takes effect here at once.
    await followNumberingMode(settings, async (mode, current) => {
      const directory = mode.kind === "standalone" ? null : (await import(/* webpackChunkName: "service-directory" */ "./serviceDirectory")).serviceDirectoryFor(mode.url);
      if (!current()) return;
      await pane.show(<ReadPane key={modeKey(mode)} mailbox={mailbox} settings={settings} activityLog={history} directory={directory} />);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await pane.show(<OfficeUnavailable failedToStart reason={reason} />);
  }
}

void start();
