/**
 * Builds the real ports for the compose pane: Office's mailbox and roaming settings (src/office),
 * the local counter and activity log (src/storage), the Stamper and connectivity monitor
 * (src/authority). Standalone mode: the mailbox is the online authority; with a service URL in
 * settings, the tracking service is (and it assigns the user number).
 */
import { createServiceModeAuthority, createStandaloneAuthority } from "../../authority";
import { createOfficePorts } from "../../office";
import { createMemoryActivityLog, openActivityLog, openCounterStore } from "../../storage";
import { configuredServiceUrl, serviceClientFor } from "../shared/serviceConnection";
import type { ComposePorts } from "./useComposePane";

export async function createComposePorts(): Promise<ComposePorts> {
  const { mailbox, roaming, settings } = createOfficePorts();
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
  };
  const client = serviceClientFor(configuredServiceUrl(settings));
  const { stamper, monitor } = client === null ? createStandaloneAuthority(options) : createServiceModeAuthority({ ...options, client });
  window.addEventListener("pagehide", () => monitor.dispose(), { once: true });
  return { mailbox, settings, stamper, monitor, activityLog: logOpening.available ? logOpening.log : null };
}
