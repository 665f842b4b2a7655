/**
 * Builds the real ports for the compose pane: Office's mailbox and roaming settings (src/office),
 * and the numbering the mode names (authority/openAuthority.ts, shared with the send handler):
 * standalone, the mailbox is the online authority; with a tracking service, the service is (and it
 * assigns the user number).
 */
// Modules, not the barrels: importing a barrel would bundle everything it re-exports (e.g. the
// service's sign-on) into the pane.
import type * as Numbering from "./numbering";
import type { NumberingMode } from "../../core/numberingMode";
import type { OfficePorts } from "../../office/officePorts";
import type { ComposeNumbering, ComposePorts } from "./useComposePane";
import { markPaneStep } from "../shared/paneMarks";

let numbering: Promise<typeof Numbering> | undefined;

/**
 * The numbering (stamper, connectivity monitor, IndexedDB counter and activity log) is a chunk of its
 * own: the pane's first paint (Loading, Office.onReady) needs none of it, and the entry starts the
 * fetch before waiting for Outlook, so both wait at once (docs/BENCHMARKS.md, budgets).
 */
export function loadNumbering(): Promise<typeof Numbering> {
  numbering ??= import(/* webpackChunkName: "numbering" */ "./numbering").catch((error: unknown) => {
    numbering = undefined; // a failed fetch (offline, a new release) is tried again next time
    throw error;
  });
  return numbering;
}

/** Every port for `mode`, the numbering opened. */
export async function createComposePorts(office: OfficePorts, mode: NumberingMode): Promise<ComposePorts & ComposeNumbering> {
  return { mailbox: office.mailbox, settings: office.settings, ...(await openComposeNumbering(office, mode)) };
}

/**
 * The numbering for `mode`: its chunk, this device's stores and the authority. The entry renders the
 * pane without waiting for it (ComposePorts' `numbering`), and opens it again when settings name
 * another service.
 */
export async function openComposeNumbering({ mailbox, roaming, settings }: OfficePorts, mode: NumberingMode): Promise<ComposeNumbering> {
  const { openAuthority, indexedDbStorage } = await loadNumbering();
  const { stamper, monitor, activityLog } = await openAuthority(
    mode,
    {
      roaming,
      storage: indexedDbStorage(),
      userEmail: mailbox.userEmail,
      events: window,
      isOnline: () => navigator.onLine,
      now: Date.now,
      // Read when the device comes online, to take its offline reserve (docs/NUMBERING.md).
      settings: () => settings.load().settings,
      // The service owns the deployment: the pane's settings follow what it says (docs/NUMBERING.md).
      onDeployment: (known) => void settings.adoptDeployment(known).catch(() => undefined),
    },
    // The service client is a chunk of its own: standalone deployments (no URL) never download it.
    async (url) => {
      const { createServiceModeAuthorityFor } = await import(/* webpackChunkName: "service" */ "./serviceModePorts");
      return (options) => createServiceModeAuthorityFor(url, options);
    },
  );
  window.addEventListener("pagehide", () => monitor.dispose(), { once: true });
  markPaneStep("numbering-open");
  return { stamper, monitor, activityLog };
}
