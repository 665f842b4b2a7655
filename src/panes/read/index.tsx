import { createRoot } from "react-dom/client";
// Modules, not the barrels (why: compose/createPorts.ts).
import { createOfficePorts } from "../../office/officePorts";
import { openActivityLog } from "../../storage/indexedDbActivityLog";
import { OfficeUnavailable, PaneLoading, PaneShell } from "../shared/PaneShell";
import { hostTheme, waitForOutlook } from "../shared/officeReady";
import { browserOfflineCopy } from "../shared/offlineCopy";
import { loadPaneTheme } from "../shared/paneTheme";
import { followNumberingMode, modeKey } from "../shared/serviceUrl";
import { ReadPane } from "./ReadPane";

const root = createRoot(document.getElementById("root") as HTMLElement);
root.render(<PaneShell><PaneLoading label="Loading Tracking Tokens…" /></PaneShell>);

// Registered by the first full render (PaneShell), never before: it must not delay the pane.
const offlineCopy = browserOfflineCopy();

async function start(): Promise<void> {
  const readiness = await waitForOutlook();
  if (readiness.status !== "ready") {
    root.render(<PaneShell offlineCopy={offlineCopy}><OfficeUnavailable reason={readiness.reason} /></PaneShell>);
    return;
  }
  // Loads (a dark host) while the storage opens.
  const theme = loadPaneTheme(hostTheme());
  try {
    const { mailbox, settings } = createOfficePorts();
    // Without IndexedDB tokens still decode; the pane says that what they answer cannot be looked up.
    const opening = await openActivityLog();
    const activityLog = opening.available ? opening.log : null;
    // The user's Outlook display language, so times read as the rest of Outlook does.
    const locale = Office.context.displayLanguage || undefined;
    // With a tracking service, colleagues' tokens resolve through it; the client is a chunk of its own.
    // A new Service URL (saved in a compose pane while this one is pinned) takes effect here at once.
    await followNumberingMode(settings, async (mode, current) => {
      const directory = mode.kind === "standalone" ? null : (await import(/* webpackChunkName: "service-directory" */ "./serviceDirectory")).serviceDirectoryFor(mode.url);
      if (!current()) return;
      root.render(<PaneShell theme={await theme} offlineCopy={offlineCopy}><ReadPane key={modeKey(mode)} mailbox={mailbox} settings={settings} activityLog={activityLog} directory={directory} locale={locale} /></PaneShell>);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    root.render(<PaneShell theme={await theme} offlineCopy={offlineCopy}><OfficeUnavailable title="The pane could not start" reason={reason} /></PaneShell>);
  }
}

void start();
