/**
 * Builds the real ports for the compose pane: Office's mailbox and roaming settings (src/office),
 * the local counter and activity log (src/storage), the Stamper and connectivity monitor
 * (src/authority). Standalone mode: the mailbox is the online authority; with a service URL in
 * settings, the tracking service is (and it assigns the user number).
 */
import { createStandaloneAuthority } from "../../authority/standalone";
// Modules, not the barrels: our package does not declare itself free of side effects, so importing
// a barrel would bundle everything it re-exports (e.g. the service's sign-on) into the pane.
import type { OfficePorts } from "../../office/officePorts";
import { openActivityLog } from "../../storage/indexedDbActivityLog";
import { openCounterStore } from "../../storage/indexedDbCounterStore";
import { createMemoryActivityLog } from "../../storage/memoryActivityLog";
import type { ComposePorts } from "./useComposePane";

/** The ports for `serviceUrl` ("" standalone); the entry builds them again when settings name another service. */
export async function createComposePorts({ mailbox, roaming, settings }: OfficePorts, serviceUrl: string): Promise<ComposePorts> {
  const [counters, logOpening] = await Promise.all([openCounterStore(), openActivityLog()]);
  // Without IndexedDB the counter store is unavailable too, so stamping is blocked with its reason;
  // an in-memory log only lets the pane render that state.
  const activityLog = logOpening.available ? logOpening.log : createMemoryActivityLog();
  const options = {
    roaming,
    counters,
    activityLog,
    userEmail: mailbox.userEmail,
    events: window,
    isOnline: () => navigator.onLine,
    now: Date.now,
    // Read when the device comes online, to take its offline reserve (docs/NUMBERING.md).
    settings: () => settings.load().settings,
  };
  // The service client is a chunk of its own: standalone deployments (no URL) never download it.
  const { stamper, monitor } =
    serviceUrl === ""
      ? createStandaloneAuthority(options)
      : (await import(/* webpackChunkName: "service" */ "./serviceModePorts")).createServiceModeAuthorityFor(serviceUrl, {
          ...options,
          // The service owns the deployment: the pane's settings follow what it says (docs/NUMBERING.md).
          onDeployment: (known) => void settings.adoptDeployment(known).catch(() => undefined),
        });
  window.addEventListener("pagehide", () => monitor.dispose(), { once: true });
  return { mailbox, settings, stamper, monitor, activityLog: logOpening.available ? logOpening.log : null };
}
