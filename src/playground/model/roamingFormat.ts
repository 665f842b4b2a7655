/**
 * Roaming settings as a mailbox stores them. office.js serializes each value with JSON.stringify
 * and checks the size of the whole serialized set (32 KB) before it saves.
 */
import type { SerializedRoamingSettings } from "./types";

/** office.js's limit: JSON.stringify of the serialized set may be at most 32 * 1024 characters. */
export const ROAMING_SETTINGS_MAX_CHARACTERS = 32 * 1024;

export function serializeRoamingSettings(values: Readonly<Record<string, unknown>>): Record<string, string> {
  const serialized: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    // office.js drops a value JSON cannot write (undefined, functions) rather than failing the save.
    const json = JSON.stringify(value);
    if (json !== undefined) serialized[name] = json;
  }
  return serialized;
}

export function deserializeRoamingSettings(serialized: SerializedRoamingSettings): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, json] of Object.entries(serialized)) {
    try {
      values[name] = JSON.parse(json);
    } catch {
      // office.js skips a value it cannot parse; so does this.
    }
  }
  return values;
}

export function roamingSettingsSize(serialized: SerializedRoamingSettings): number {
  return JSON.stringify(serialized).length;
}
