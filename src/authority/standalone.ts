/**
 * Standalone mode (no tracking service): the mailbox is the online authority, the device's
 * counter numbers offline. Service mode (service/serviceMode.ts) builds the same { stamper, monitor }
 * from the service OnlineAuthority, so the panes never change.
 */
import { tokenUserNumber } from "../core";
import type { RoamingStore } from "../office/ports";
import { assembleAuthority, deviceNumbering } from "./assemble";
import type { StandaloneAuthorityOptions, TokenAuthority } from "./assemble";
import { createMailboxAuthority } from "./mailboxAuthority";
import type { OnlineAuthority } from "./numberAuthority";

export type { StandaloneAuthorityOptions, TokenAuthority } from "./assemble";
export { pickTiming } from "./assemble";

export function createStandaloneAuthority(options: StandaloneAuthorityOptions): TokenAuthority {
  const { roaming, counters, activityLog, now, settings } = options;
  const device = deviceNumbering(options);
  const online =
    counters.available && device.authority
      ? createMailboxAuthority({
          roaming,
          counters: counters.store,
          activityLog,
          local: device.authority,
          now,
          ...(settings ? { currentUser: () => tokenUserNumber(settings()) } : {}),
        })
      : // Without a device counter the mailbox has no guard against a stale roaming copy in another
        // window, so online numbering stops too rather than risk a repeat.
        unguardedMailbox(roaming, counters.available ? "" : counters.reason);
  return assembleAuthority(online, device, options);
}

/** The mailbox answers pings, but issues nothing: numbering needs the device counter as its guard. */
function unguardedMailbox(roaming: RoamingStore, reason: string): OnlineAuthority {
  return {
    kind: "mailbox",
    label: "mailbox",
    issue: () => Promise.reject(new Error(`Numbers from the mailbox need this device's counter as a guard against repeats, and it is missing: ${reason}`)),
    ping: () => roaming.save(),
    syncOffline: async () => undefined,
  };
}
