/**
 * Service mode (settings.serviceUrl set): the tracking service is the online authority and assigns
 * the user number; the device's counter numbers offline under the user number the service gave
 * last. The same { stamper, monitor } as standalone, so the panes never change.
 */
import { tokenUserNumber } from "../../core";
import type { KnownDeployment } from "../../core";
import { assembleAuthority, deviceNumbering } from "../assemble";
import type { StandaloneAuthorityOptions, TokenAuthority } from "../assemble";
import type { NumberingClient } from "./client";
import { createServiceAuthority } from "./serviceAuthority";

export type ServiceModeOptions = StandaloneAuthorityOptions & {
  /** The tracking service at settings.serviceUrl. */
  readonly client: NumberingClient;
  /** Told the deployment whenever the service answers who the user is (SettingsPort.adoptDeployment). */
  readonly onDeployment?: (known: KnownDeployment) => void;
};

export function createServiceModeAuthority(options: ServiceModeOptions): TokenAuthority {
  const { roaming, counters, activityLog, client } = options;
  const device = deviceNumbering(options);
  // Unlike the mailbox, the service allocates atomically for every device: online numbering needs no device counter as a guard.
  const { settings } = options;
  const online = createServiceAuthority({
    client,
    mailbox: options.userEmail,
    activityLog,
    counters: counters.available ? counters.store : null,
    roaming,
    local: device.authority,
    // The number this mailbox used on its own, if it did: claimed so the service keeps it (docs/NUMBERING.md).
    ...(settings ? { claimedUser: () => tokenUserNumber(settings()) } : {}),
    ...(options.onDeployment ? { onDeployment: options.onDeployment } : {}),
  });
  return assembleAuthority(online, device, options);
}
