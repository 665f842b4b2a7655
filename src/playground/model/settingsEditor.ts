/**
 * The add-in's settings in a user's roaming settings, as the playground's own controls change
 * them (the tracking service switch, Auto-stamp on send); the panes read them when they load. The
 * panes' own Settings form saves through office.js and the host instead (roaming settings, 404).
 */
import { SETTINGS_KEY } from "../../office/settingsPort";
import { serializeRoamingSettings } from "./roamingFormat";
import type { UserStorage } from "./userStorage";

export interface SettingsEditor {
  /** The stored settings, parsed; {} when none are stored, or they are unreadable. */
  read(): Record<string, unknown>;
  /** Writes `patch` over the stored settings, keeping the other roaming settings. */
  update(patch: Readonly<Record<string, unknown>>): void;
  /** The tracking service URL in the stored settings; "" when none. */
  serviceUrl(): string;
  /** Sets the tracking service URL ("" for none); nothing is written when it is already that. */
  setServiceUrl(serviceUrl: string): void;
}

/** `seed`: roaming settings written when none are stored for this user. */
export function createSettingsEditor(storage: UserStorage, seed: Readonly<Record<string, unknown>>): SettingsEditor {
  if (!storage.hasRoamingSettings()) storage.saveRoamingSettings(serializeRoamingSettings(seed));

  const read = (): Record<string, unknown> => {
    const json = storage.loadRoamingSettings()[SETTINGS_KEY];
    try {
      const parsed: unknown = json === undefined ? {} : JSON.parse(json);
      return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      // Unreadable settings are replaced by what is written; the panes fill in defaults.
      return {};
    }
  };
  const update = (patch: Readonly<Record<string, unknown>>): void => {
    storage.saveRoamingSettings({ ...storage.loadRoamingSettings(), [SETTINGS_KEY]: JSON.stringify({ ...read(), ...patch }) });
  };

  return {
    read,
    update,
    serviceUrl() {
      const url = read()["serviceUrl"];
      return typeof url === "string" ? url : "";
    },
    setServiceUrl(serviceUrl) {
      if (read()["serviceUrl"] !== serviceUrl) update({ serviceUrl });
    },
  };
}
