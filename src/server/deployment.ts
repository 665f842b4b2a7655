/**
 * The team's deployment as the service owns it (docs/SERVICE-API.md, GET /v1/deployment): the
 * token settings plus tracking on/off and the offline reserve size. The prefix history is the
 * configured one plus every prefix the service was ever started with, remembered in its store, so
 * changing TOKEN_PREFIX never makes old mail foreign.
 */
import { asciiLowerCase, validateSettings } from "../core";
import type { Deployment, Settings } from "../core";
import type { TrackingStore } from "./store/types";
import { englishProblem } from "../languages/english";

export type { Deployment } from "../core";

/** Remembers the configured prefixes and answers the settings with every earlier one in the history. */
export async function withRememberedPrefixes(store: TrackingStore, settings: Settings, now: number): Promise<Settings> {
  const remembered = await store.rememberPrefixes([settings.prefix, ...settings.prefixHistory], now);
  const known = new Set([settings.prefix, ...settings.prefixHistory].map(asciiLowerCase));
  const earlier = remembered.filter((prefix) => !known.has(asciiLowerCase(prefix)));
  if (earlier.length === 0) return settings;
  const result = validateSettings({ ...settings, prefixHistory: [...settings.prefixHistory, ...earlier] });
  if (!result.ok) throw new Error(`The remembered prefixes do not make valid settings: ${result.errors.map((e) => englishProblem(e.problem)).join(" ")}`);
  return result.settings;
}

export function deploymentOf(settings: Settings, trackingEnabled: boolean, reserveSize: number): Deployment {
  return {
    prefix: settings.prefix,
    prefixHistory: settings.prefixHistory,
    userDigits: settings.userDigits,
    counterDigits: settings.counterDigits,
    deploymentBase: settings.deploymentBase,
    activeDays: settings.activeDays,
    trackingEnabled,
    reserveSize,
  };
}
