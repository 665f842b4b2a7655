// First: the catalogue starts downloading before the modules below evaluate (languageGuess.ts).
import { guessedLanguage } from "../shared/languageGuess";
import { openPaneRoot } from "../shared/paneRoot";
import { ComposePane } from "./ComposePane";
import { Notice } from "./Notice";
import { loadNumbering, openComposeNumbering } from "./createPorts";
// The module, not the barrel (why: createPorts.ts).
import { createOfficePorts } from "../../office/officePorts";
import type { OfficePorts } from "../../office/officePorts";
import type { FirstReading } from "./useComposePane";
import { followNumberingMode, modeKey } from "../shared/followNumberingMode";

const pane = openPaneRoot(document.getElementById("root") as HTMLElement, guessedLanguage);

async function start(): Promise<void> {
  // Every fetch the first render needs starts here, then they are awaited together: the numbering's
  // chunk is fetched while Office gets ready (a failure shows when the numbering opens).
  loadNumbering().catch(() => undefined);
  if (!(await pane.waitForOutlook((reason) => <Notice of={{ kind: "office-unavailable", reason }} />))) return;
  let office;
  try {
    office = createOfficePorts();
  } catch (error) {
    return couldNotStart(error);
  }
  const officePorts = office;
  // The first render shows the draft at once: its subject is read before it (Outlook answers fast).
  let firstReading = await readFirstSubject(officePorts);
  let running: { dispose(): void } | undefined;
  // A new Service URL, saved here or in another pane, rebuilds the numbering: no reload needed.
  await followNumberingMode(officePorts.settings, async (mode, current) => {
    // The pane shows the draft at once; the numbering (its chunk, IndexedDB, the authority) opens meanwhile.
    const numbering = openComposeNumbering(officePorts, mode);
    numbering.then(
      ({ monitor }) => {
        if (!current()) return monitor.dispose();
        running?.dispose();
        running = monitor;
      },
      (error: unknown) => (current() ? couldNotStart(error) : undefined),
    );
    const first = firstReading;
    firstReading = undefined; // a later start (another service) reads the draft itself
    await pane.show(<ComposePane key={modeKey(mode)} mailbox={officePorts.mailbox} settings={officePorts.settings} numbering={numbering} firstReading={first} />);
  });
}

/** The selected draft and its subject; undefined for anything else, or when the subject cannot be read (the pane says so itself). */
async function readFirstSubject({ mailbox }: OfficePorts): Promise<FirstReading | undefined> {
  const item = mailbox.currentItem();
  if (item?.mode !== "compose") return undefined;
  try {
    return { item, subject: await item.getSubject() };
  } catch {
    return undefined;
  }
}

function couldNotStart(error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  return pane.show(<Notice of={{ kind: "office-unavailable", title: "couldNotStart", reason }} />);
}

void start();
