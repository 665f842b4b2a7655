/**
 * SettingsPort over one roaming key. Loading never deletes or rewrites what is stored: a bad
 * stored field is reported and replaced by its default in memory only. Saving validates first.
 */
import { DEFAULT_SETTINGS, SETTINGS_FIELDS, validateSettings } from "../core";
import type { Settings, ValidationError } from "../core";
import { SettingsInvalidError } from "./errors";
import type { LoadedSettings, RoamingStore, SettingsPort } from "./ports";

/** The roaming key that holds the settings object. */
export const SETTINGS_KEY = "settings";

export function createSettingsPort(store: RoamingStore, key: string = SETTINGS_KEY): SettingsPort {
  return {
    load: () => loadSettings(store.get(key)),
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
    },
  };
}

/** Stored settings merged over the defaults, field by field; bad fields fall back to their defaults. */
export function loadSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, problems: [] };
  if (!isRecord(stored)) {
    return {
      settings: DEFAULT_SETTINGS,
      problems: [{ field: "settings", message: `The saved settings are not readable (found ${typeof stored}); the defaults are in use until you save settings again.` }],
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
      problems.push({ field: error.field, message: `${error.message} The saved value is ignored; the default is in use.` });
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
