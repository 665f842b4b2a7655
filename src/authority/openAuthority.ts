/**
 * The one assembly of numbering for the compose pane and the send handler (docs/DESIGN.md §7, §8):
 * open this device's storage, then build the authority the numbering mode names. The two callers
 * differ only in how they reach service mode: the pane loads it as a chunk of its own (standalone
 * panes never download it), the handler has it in its single bundle.
 */
import type { NumberingMode } from "../core";
import type { ActivityLog } from "../storage/ports";
import type { DeviceStorage } from "../storage/deviceStorage";
import { createMemoryActivityLog } from "../storage/memoryActivityLog";
import type { StandaloneAuthorityOptions, TokenAuthority } from "./assemble";
import { createStandaloneAuthority } from "./standalone";
import type { ServiceModeOptions } from "./service/serviceMode";

/** What the caller's runtime gives; the storage is opened here. */
export type AuthorityHost = Omit<StandaloneAuthorityOptions, "counters" | "activityLog"> & {
  /** The device's stores: IndexedDB in a browser runtime, none in a JavaScript-only one. */
  readonly storage: DeviceStorage;
  /** Told the service's deployment whenever it says who the user is (service mode only). */
  readonly onDeployment?: ServiceModeOptions["onDeployment"];
};

/** Service mode for the service at `url`, given everything but its client. */
export type ServiceModeFactory = (url: string) => Promise<(options: Omit<ServiceModeOptions, "client">) => TokenAuthority>;

export type OpenedAuthority = TokenAuthority & {
  /** The device's activity log; null when IndexedDB refused (the authority then keeps one in memory). */
  readonly activityLog: ActivityLog | null;
};

export async function openAuthority(mode: NumberingMode, host: AuthorityHost, serviceMode: ServiceModeFactory): Promise<OpenedAuthority> {
  const { storage, onDeployment, ...timing } = host;
  const [counters, logOpening] = await Promise.all([storage.openCounterStore(), storage.openActivityLog()]);
  // Without IndexedDB the counter store is unavailable too, so stamping is blocked with its reason;
  // an in-memory log only lets the caller carry on to say so.
  const activityLog = logOpening.available ? logOpening.log : createMemoryActivityLog();
  const options = { ...timing, counters, activityLog };
  const authority =
    mode.kind === "standalone"
      ? createStandaloneAuthority(options)
      : (await serviceMode(mode.url))({ ...options, ...(onDeployment ? { onDeployment } : {}) });
  return { ...authority, activityLog: logOpening.available ? logOpening.log : null };
}
