/**
 * The tracking service as the online authority (docs/DESIGN.md §3, §7): it assigns the user number, allocates
 * counters atomically (designator 0) and records every activity, online ones at once and offline
 * ones when it answers again, so that colleagues' read panes can resolve them.
 */
import { asciiLowerCase, formatToken, withDeployment } from "../../core";
import type { KnownDeployment, Settings } from "../../core";
import type { RoamingStore } from "../../office/ports";
import type { CounterStore } from "../../storage/counterStore";
import type { Activity, ActivityLog } from "../../storage/ports";
import { CounterExhaustedError } from "../errors";
import type { LocalAuthority } from "../localAuthority";
import type { ReserveSource } from "../offlineReserve";
import type { AssignedUserNumber, IssuedNumber, OnlineAuthority, RejectedActivity, SyncReport } from "../numberAuthority";
import { later } from "../position";
import { raiseRoamingPosition, readRoamingPosition, ROAMING_OFFLINE_HWM_KEY, ROAMING_ONLINE_KEY } from "../roamingCounters";
import type { ServiceClient } from "./client";
import { DeploymentMismatchError, ServiceError, ServiceProtocolError, TrackingOffError } from "./errors";
import type { ActivityRequest, Deployment, RegistrationRequest, ServiceUser } from "./types";

export type ServiceAuthorityOptions = {
  readonly client: ServiceClient;
  /** The mailbox's address: several mailboxes may share this browser's storage (accounts in one Outlook). */
  readonly mailbox: string;
  readonly activityLog: ActivityLog;
  /** Where the user number is remembered on this device; null when the device keeps no counters. */
  readonly counters: CounterStore | null;
  /** The mailbox's roaming settings: the user number (for the user's other devices) and the offline high-water mark. */
  readonly roaming: RoamingStore;
  /** This device's offline positions, carried to the roaming high-water mark on sync; null without a device counter. */
  readonly local: Pick<LocalAuthority, "position"> | null;
  /** The user number this mailbox numbered with on its own (standalone settings), claimed on registration. */
  readonly claimedUser?: () => number | undefined;
  /** A new random device id (the first reserve names the device with it). @default crypto.randomUUID */
  readonly newDeviceId?: () => string;
  /** Told the deployment with every registration answer, so settings follow the service (SettingsPort.adoptDeployment). */
  readonly onDeployment?: (known: KnownDeployment) => void;
};

export type ServiceAuthority = OnlineAuthority & {
  readonly kind: "service";
  readonly reserves?: ReserveSource;
  readonly userNumber: AssignedUserNumber;
  record(activity: Activity): Promise<void>;
};

/** Roaming key: { "<service URL>": userNumber }, so the user's other devices can number offline before they connect. */
export const ROAMING_SERVICE_USER_KEY = "service:user";
/** Counter store name of the remembered user number: per service and mailbox, since the device's storage is shared. */
export const serviceUserCounterName = (baseUrl: string, mailbox: string): string => `service-user:${baseUrl}:${mailbox.toLowerCase()}`;

/** Counter store record of this device's random id, sent with each reserve. */
export const DEVICE_ID_RECORD = "device-id";

export function createServiceAuthority({ client, mailbox, activityLog, counters, roaming, local, newDeviceId, claimedUser, onDeployment }: ServiceAuthorityOptions): ServiceAuthority {
  const key = client.baseUrl.replace(/\/+$/, "");
  const counterName = serviceUserCounterName(key, mailbox);
  let me: Promise<ServiceUser> | undefined;

  const remember = async (userNumber: number): Promise<void> => {
    if (counters !== null && (await counters.peek(counterName).catch(() => null)) !== userNumber) {
      await counters.exclusive(counterName, (stored) => stored.commit(userNumber));
    }
    const all = roaming.get(ROAMING_SERVICE_USER_KEY);
    const known = typeof all === "object" && all !== null && !Array.isArray(all) ? (all as Record<string, unknown>) : {};
    if (known[key] !== userNumber) {
      roaming.set(ROAMING_SERVICE_USER_KEY, { ...known, [key]: userNumber });
      // Best effort: the device's copy above is what offline numbering needs first.
      void roaming.save().catch(() => undefined);
    }
  };

  /**
   * What registration sends (docs/NUMBERING.md, moving between modes): the standalone user number
   * as a claim and the highest counters the mailbox and this device issued under it, so the service
   * never repeats them. Sent on every call: the user may have numbered on their own in between.
   */
  const registration = async (): Promise<RegistrationRequest> => {
    const claimed = claimedUser?.();
    if (claimed === undefined) return {};
    const counterOf = (position: { counter: number } | null): number | undefined => position?.counter;
    const safely = <T>(read: () => T): T | null => {
      try {
        return read();
      } catch {
        return null; // a corrupt mark is reported where it is used; registration goes on without it
      }
    };
    const online = counterOf(safely(() => readRoamingPosition(roaming, ROAMING_ONLINE_KEY, claimed)));
    const offlinePosition = later(safely(() => readRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, claimed)), local ? await local.position(claimed).catch(() => null) : null);
    const offline = counterOf(offlinePosition);
    const marks = { ...(online !== undefined ? { online } : {}), ...(offline !== undefined ? { offline } : {}) };
    return { claim: { userNumber: claimed }, ...(Object.keys(marks).length > 0 ? { marks } : {}) };
  };

  /** Switching back to standalone must continue past the service's numbers: the mailbox's counters rise above them. */
  const carryServiceHighWater = (user: ServiceUser): void => {
    const raise = (key: string, counter: number | null): boolean => {
      if (counter === null) return false;
      const current = safeRead(key, user.userNumber);
      return raiseRoamingPosition(roaming, key, user.userNumber, { cycle: current?.cycle ?? 0, counter });
    };
    const changed = [raise(ROAMING_ONLINE_KEY, user.highWater.online), raise(ROAMING_OFFLINE_HWM_KEY, user.highWater.offline)].some(Boolean);
    if (changed) void roaming.save().catch(() => undefined);
  };
  const safeRead = (key: string, user: number) => {
    try {
      return readRoamingPosition(roaming, key, user);
    } catch {
      return null;
    }
  };

  /** The service's message when it gave this mailbox another number than the one it claimed; shown with the next online stamp. */
  let reassignedNotice: string | undefined;

  const register = async (): Promise<ServiceUser> => {
    const user = await client.me(await registration());
    // Only when the number is news here: every later registration repeats the claim and its answer.
    if (user.claim?.outcome === "reassigned" && (await userNumber.remembered().catch(() => undefined)) !== user.userNumber) {
      reassignedNotice = user.claim.message || `Your user number ${user.claim.claimed} belongs to another mailbox, so the tracking service made you user number ${user.userNumber}.`;
    }
    try {
      carryServiceHighWater(user);
    } catch {
      // a corrupt roaming mark must not stop service numbering
    }
    try {
      onDeployment?.(knownDeployment(user));
    } catch {
      // settings follow at the next registration; this one still numbers with the deployment below
    }
    return user;
  };

  /** users/me, asked once per pane and cached; a failure is not cached, so the next stamp asks again. */
  const whoAmI = (): Promise<ServiceUser> => {
    if (me === undefined) {
      const asking = register().then(async (user) => {
        await remember(user.userNumber).catch(() => undefined); // remembering is for later; it must not fail this stamp
        return user;
      });
      me = asking;
      asking.catch(() => {
        if (me === asking) me = undefined;
      });
    }
    return me;
  };

  const knownDeployment = (user: ServiceUser): KnownDeployment => ({ serviceUrl: client.baseUrl, deployment: user.deployment, ordinal: user.ordinal });

  const userNumber: AssignedUserNumber = {
    async current(settings) {
      const user = await whoAmI();
      if (!user.deployment.trackingEnabled) throw new TrackingOffError("Your team turned tracking tokens off on its tracking service, so no token is added. Tokens in received mail are still explained.");
      // The service owns the deployment: its tokens are written its way, whatever the pane had loaded.
      const managed = withDeployment(settings, knownDeployment(user));
      if (managed.problems.length > 0) {
        const mismatch = deploymentMismatch(user.deployment, settings);
        if (mismatch !== undefined) throw new DeploymentMismatchError(mismatch);
      }
      return { user: user.userNumber, settings: managed.settings };
    },
    async remembered() {
      if (counters !== null) {
        const stored = await counters.peek(counterName).catch(() => null);
        if (stored !== null) return stored;
      }
      const all = roaming.get(ROAMING_SERVICE_USER_KEY);
      const value = typeof all === "object" && all !== null ? (all as Record<string, unknown>)[key] : undefined;
      return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
    },
  };

  const carryOfflineHighWater = async (activities: readonly Activity[]): Promise<void> => {
    if (local === null) return;
    let changed = false;
    for (const user of new Set(activities.filter((a) => a.designator === 1).map((a) => a.user))) {
      changed = raiseRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user, await local.position(user)) || changed;
    }
    if (changed) await roaming.save();
  };

  const deviceId = (store: CounterStore): Promise<string> =>
    store.exclusiveRecord(DEVICE_ID_RECORD, async (record) => {
      const stored = await record.read();
      if (typeof stored === "string" && stored.length > 0 && stored.length <= 100) return stored;
      const id = (newDeviceId ?? (() => globalThis.crypto.randomUUID()))();
      await record.commit(id);
      return id;
    });

  const reserves: ReserveSource | undefined =
    counters === null
      ? undefined
      : {
          async take(_settings, user) {
            const reserve = await client.reserve(await deviceId(counters));
            if (reserve.user !== user) {
              me = undefined;
              throw new ServiceProtocolError(`The tracking service reserved offline numbers for user ${reserve.user}, but your user number is ${user}.`);
            }
            return { ranges: reserve.ranges, size: reserve.reserveSize };
          },
        };

  return {
    kind: "service",
    label: "tracking service",
    userNumber,
    ...(reserves ? { reserves } : {}),

    async issue(settings: Settings, user: number): Promise<IssuedNumber> {
      let allocation;
      try {
        allocation = await client.nextCounter();
      } catch (error) {
        if (error instanceof ServiceError && error.code === "counter-exhausted") {
          throw new CounterExhaustedError(`${error.message} Ask your admin for more counter digits.`);
        }
        throw error;
      }
      if (allocation.user !== user) {
        me = undefined; // ask who we are again next time
        throw new ServiceProtocolError(`The tracking service numbered ${allocation.token} for user ${allocation.user}, but your user number is ${user}. Try again.`);
      }
      const token = formatToken({ designator: 0, user, counter: allocation.counter }, settings);
      if (asciiLowerCase(token) !== asciiLowerCase(allocation.token)) {
        throw new DeploymentMismatchError(`The tracking service issued ${allocation.token}, but your settings would write it as ${token}. Make your prefix and digit settings match the service's.`);
      }
      const caution = reassignedNotice;
      reassignedNotice = undefined;
      return { designator: 0, counter: allocation.counter, wrapped: allocation.wrapped, ...(caution !== undefined ? { caution } : {}) };
    },

    // users/me rather than health: it proves the token is accepted, which is what "online" needs,
    // and it refreshes (and remembers) the user number, so this device can number offline later.
    async ping() {
      const user = await register();
      me = Promise.resolve(user);
      await remember(user.userNumber).catch(() => undefined);
    },

    async record(activity) {
      await sendActivity(client, activity);
      await activityLog.markSynced(activity.token);
    },

    async syncOffline(activities): Promise<SyncReport> {
      if (activities.length === 0) return { rejected: [] };
      // The mailbox's high-water mark guards offline numbering if this device loses its storage.
      await carryOfflineHighWater(activities).catch(() => undefined);
      const rejected: RejectedActivity[] = [];
      for (const activity of activities) {
        try {
          await sendActivity(client, activity);
        } catch (error) {
          // A refusal that sending again cannot change (a conflict, a token that is not the
          // caller's, a field the service rejects) is reported once; anything else waits.
          if (!(error instanceof ServiceError && error.permanent)) throw error;
          const reason = rejectionReason(activity, error);
          rejected.push({ token: activity.token, reason });
          // Kept with the activity: an open draft that has it offers a new number (Stamper.restamp).
          if (error.status === 409) await activityLog.put({ ...activity, conflict: reason }).catch(() => undefined);
        }
        // Marked one by one, so a sync cut short does not send these again (if it did, they would be duplicates, which is harmless).
        await activityLog.markSynced(activity.token);
      }
      return { rejected };
    },
  };
}

/**
 * An issued activity is recorded (POST /v1/activities, status "issued"); a sent one is finalized
 * (POST /v1/activities/:token/sent), which also stores it when the service never heard of it (an
 * offline stamp), so one call per activity brings the service up to date.
 */
async function sendActivity(client: ServiceClient, activity: Activity): Promise<void> {
  const { token, status, ...sent } = activityRecord(activity);
  if (status === "sent") await client.finalizeActivity(token, sent);
  else await client.recordActivity({ token, ...sent, status: "issued" });
}

/** The activity as the service takes it. The draft key stays on this device: it means nothing to colleagues. */
export function activityRecord(activity: Activity): ActivityRequest {
  return {
    token: activity.token,
    subject: activity.subject,
    to: [...activity.to],
    cc: [...activity.cc],
    sentAt: new Date(activity.status === "sent" ? (activity.sentAt ?? activity.stampedAt) : activity.stampedAt).toISOString(),
    designator: activity.designator,
    // A record from before activity lives was shown as sent (src/storage/database.ts).
    status: activity.status ?? "sent",
  };
}

function rejectionReason(activity: Activity, error: ServiceError): string {
  if (error.status === 409) {
    const holder = error.holder;
    const which =
      holder === undefined
        ? "another activity"
        : `another activity: “${holder.subject}”, sent by ${holder.senderName !== null ? `${holder.senderName} <${holder.sender}>` : holder.sender} on ${holder.sentAt.slice(0, 10)}`;
    const advice =
      activity.status === "sent"
        ? " Your mail has gone with that token, so replies to it will show the other activity; to track this thread, send a follow-up with a new token."
        : " Open the draft and choose “Stamp with a new number”.";
    return `The tracking service holds ${which} under ${activity.token}, so this one (“${activity.subject}”) was not recorded.${advice}`;
  }
  if (error.status === 403) return `The tracking service refused ${activity.token}: its user number ${activity.user} is not yours there.`;
  return `The tracking service refused ${activity.token}${error.field !== undefined ? ` (${error.field})` : ""}: ${error.message}`;
}

/** Why tokens stamped with `settings` would not be the deployment's; undefined when they agree. */
export function deploymentMismatch(deployment: Deployment, settings: Settings): string | undefined {
  const differences: string[] = [];
  if (asciiLowerCase(deployment.prefix) !== asciiLowerCase(settings.prefix)) differences.push(`prefix "${deployment.prefix}" (yours: "${settings.prefix}")`);
  if (deployment.userDigits !== settings.userDigits) differences.push(`${deployment.userDigits} user digits (yours: ${settings.userDigits})`);
  if (deployment.counterDigits !== settings.counterDigits) differences.push(`${deployment.counterDigits} counter digits (yours: ${settings.counterDigits})`);
  if (differences.length === 0) return undefined;
  return `The tracking service's deployment uses ${differences.join(", ")}. Change your settings to match, so your tokens are the ones the service records.`;
}
