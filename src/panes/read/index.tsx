import { createRoot } from "react-dom/client";
import { createServiceDirectory } from "../../authority/service/directory";
import { createOfficePorts } from "../../office";
import { openActivityLog } from "../../storage";
import { OfficeUnavailable, PaneLoading, PaneShell } from "../shared/PaneShell";
import { hostTheme, waitForOutlook } from "../shared/officeReady";
import { configuredServiceUrl, serviceClientFor } from "../shared/serviceConnection";
import { ReadPane } from "./ReadPane";

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
    const { mailbox, settings } = createOfficePorts();
    // Without IndexedDB tokens still decode; the pane says that what they answer cannot be looked up.
    const opening = await openActivityLog();
    const activityLog = opening.available ? opening.log : null;
    // The user's Outlook display language, so times read as the rest of Outlook does.
    const locale = Office.context.displayLanguage || undefined;
    // With a tracking service, colleagues' tokens resolve through it.
    const client = serviceClientFor(configuredServiceUrl(settings));
    const directory = client === null ? null : createServiceDirectory(client);
    root.render(<PaneShell theme={theme}><ReadPane mailbox={mailbox} settings={settings} activityLog={activityLog} directory={directory} locale={locale} /></PaneShell>);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    root.render(<PaneShell theme={theme}><OfficeUnavailable title="The pane could not start" reason={reason} /></PaneShell>);
  }
}

void start();
