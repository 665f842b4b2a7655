/**
 * SettingsPort over roaming keys. Loading never deletes or rewrites what is stored: a bad stored
 * field is reported and replaced by its default in memory only. Saving validates first. With a
 * tracking service named, the fields it owns come from its deployment (docs/NUMBERING.md), kept
 * under their own key; the user's own values stay until the service assigns a number.
 */
import { deploymentApplies, DEFAULT_SETTINGS, sameServiceUrl, SETTINGS_FIELDS, validateSettings, withDeployment } from "../core";
import type { Deployment, KnownDeployment, Settings, ValidationError } from "../core";
import { SettingsInvalidError } from "./errors";
import type { LoadedSettings, RoamingStore, SettingsChannel, SettingsPort } from "./ports";

/** The roaming key that holds the settings object. */
export const SETTINGS_KEY = "settings";
/** The roaming key of the tracking service's deployment as last heard (a KnownDeployment). */
export const DEPLOYMENT_KEY = "service:deployment";

export type SettingsPortOptions = {
  /** The key of the settings object. @default SETTINGS_KEY */
  readonly key?: string;
  /** Tells the mailbox's other open panes what this one saved, and hears theirs. @default none */
  readonly channel?: SettingsChannel | null;
};

export function createSettingsPort(store: RoamingStore, options: SettingsPortOptions = {}): SettingsPort {
  const key = options.key ?? SETTINGS_KEY;
  const channel = options.channel ?? null;
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // one pane's listener must not keep the others from hearing
      }
    }
  };
  const tellOthers = (keys: readonly string[]): void => {
    if (channel === null) return;
    const change: Record<string, unknown> = {};
    for (const name of keys) change[name] = store.get(name) ?? null;
    try {
      channel.post(change);
    } catch {
      // the others read the mailbox when they open; nothing is lost
    }
  };
  channel?.subscribe((change) => {
    let relevant = false;
    for (const [name, value] of Object.entries(change)) {
      if (name !== key && name !== DEPLOYMENT_KEY) continue;
      relevant = true;
      // This pane's copy of roaming settings takes what the other pane saved, so a later save here keeps it.
      if (value === null || value === undefined) store.remove(name);
      else store.set(name, value);
    }
    if (relevant) changed();
  });

  return {
    load: () => {
      const own = loadSettings(store.get(key));
      const known = readKnownDeployment(store.get(DEPLOYMENT_KEY));
      if (!deploymentApplies(own.settings, known)) return own;
      const managed = withDeployment(own.settings, known);
      if (managed.problems.length > 0) return { settings: own.settings, problems: [...own.problems, ...managed.problems] };
      return { settings: managed.settings, problems: own.problems, managedBy: own.settings.serviceUrl };
    },
    async save(settings) {
      const result = validateSettings(settings);
      if (!result.ok) throw new SettingsInvalidError(result.errors);
      const previous = store.get(key);
      // Fields this version does not know (a newer version saved them) are kept, not dropped.
      const kept = isRecord(previous) ? previous : {};
      store.set(key, { ...kept, ...result.settings });
      try {
        await store.save();
      } catch (error) {
        // The mailbox still holds the previous settings: the in-memory copy goes back to them.
        if (previous === undefined) store.remove(key);
        else store.set(key, previous);
        throw error;
      }
      tellOthers([key]);
      changed();
    },
    async adoptDeployment(known) {
      const stored = readKnownDeployment(store.get(DEPLOYMENT_KEY));
      // Registration answers carry the ordinal; GET /v1/deployment does not: keep the one known.
      const ordinal = known.ordinal ?? (stored !== undefined && sameServiceUrl(stored.serviceUrl, known.serviceUrl) ? stored.ordinal : null);
      const next: KnownDeployment = { serviceUrl: known.serviceUrl, deployment: known.deployment, ordinal };
      if (stored !== undefined && JSON.stringify(stored) === JSON.stringify(next)) return;
      store.set(DEPLOYMENT_KEY, next);
      const changedKeys = [DEPLOYMENT_KEY];
      if (ordinal !== null) {
        // Assigned a number: the team's way becomes the user's own, so a return to standalone
        // numbers as that user, past every token the service issued, never as another's number.
        const previous = store.get(key);
        const own = loadSettings(previous).settings;
        const team = withDeployment(own, next);
        if (deploymentApplies(own, next) && team.problems.length === 0 && JSON.stringify(team.settings) !== JSON.stringify(own)) {
          store.set(key, { ...(isRecord(previous) ? previous : {}), ...team.settings });
          changedKeys.push(key);
        }
      }
      changed();
      try {
        await store.save();
      } catch {
        // The copy in memory applies to this pane now; the next registration saves it again.
        return;
      }
      tellOthers(changedKeys);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The stored deployment, or undefined when there is none or it is not readable (the next registration writes it again). */
export function readKnownDeployment(stored: unknown): KnownDeployment | undefined {
  if (!isRecord(stored) || typeof stored["serviceUrl"] !== "string" || !isRecord(stored["deployment"])) return undefined;
  const d = stored["deployment"];
  const whole = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
  const prefixHistory = d["prefixHistory"];
  if (
    typeof d["prefix"] !== "string" ||
    !Array.isArray(prefixHistory) ||
    !prefixHistory.every((entry) => typeof entry === "string") ||
    !whole(d["userDigits"]) ||
    !whole(d["counterDigits"]) ||
    !whole(d["deploymentBase"]) ||
    !whole(d["activeDays"]) ||
    typeof d["trackingEnabled"] !== "boolean"
  ) {
    return undefined;
  }
  const deployment: Deployment = {
    prefix: d["prefix"],
    prefixHistory: prefixHistory as string[],
    userDigits: d["userDigits"],
    counterDigits: d["counterDigits"],
    deploymentBase: d["deploymentBase"],
    activeDays: d["activeDays"],
    trackingEnabled: d["trackingEnabled"],
    reserveSize: whole(d["reserveSize"]) && d["reserveSize"] > 0 ? d["reserveSize"] : 50,
  };
  const ordinal = stored["ordinal"];
  return { serviceUrl: stored["serviceUrl"], deployment, ordinal: whole(ordinal) && ordinal >= 1 ? ordinal : null };
}

/** Stored settings merged over the defaults, field by field; bad fields fall back to their defaults. */
export function loadSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, problems: [] };
  if (!isRecord(stored)) {
    return {
      settings: DEFAULT_SETTINGS,
      problems: [{ field: "settings", problem: { code: "saved-unreadable", found: typeof stored } }],
    };
  }
  const candidate: Record<string, unknown> = {};
  for (const field of SETTINGS_FIELDS) if (stored[field] !== undefined) candidate[field] = stored[field];

  const problems: ValidationError[] = [];
  // Each round replaces the fields named in errors; dependent checks (user number vs digits) may need a second round.
  for (let round = 0; round <= SETTINGS_FIELDS.length; round++) {
    const result = validateSettings(candidate);
    if (result.ok) return { settings: result.settings, problems };
    const badHistoryEntries = new Set<number>();
    for (const error of result.errors) {
      problems.push({ ...error, ignored: true });
      const entry = /^prefixHistory\[(\d+)\]$/.exec(String(error.field));
      if (entry?.[1] !== undefined) badHistoryEntries.add(Number(entry[1]));
      else if (isSettingsField(error.field)) delete candidate[error.field];
    }
    if (badHistoryEntries.size > 0 && Array.isArray(candidate.prefixHistory)) {
      // Keep the good earlier prefixes: their tokens are still ours.
      candidate.prefixHistory = (candidate.prefixHistory as unknown[]).filter((_, i) => !badHistoryEntries.has(i));
    }
  }
  return { settings: DEFAULT_SETTINGS, problems };
}

function isSettingsField(field: string): field is keyof Settings {
  return (SETTINGS_FIELDS as readonly string[]).includes(field);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
