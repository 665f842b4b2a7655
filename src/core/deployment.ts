/**
 * A team's deployment, as its tracking service owns it (docs/NUMBERING.md, "The service owns the
 * deployment"): with a service configured, the fields below come from the service; once it has
 * assigned the user a number they become the user's own too, so standalone goes on as that user.
 * The pane and the service then always agree on which prefixes are ours and how tokens are written.
 */
import { asciiLowerCase, SETTINGS_FIELDS, validateSettings } from "./settings";
import type { Deployment, Settings, ValidationError } from "./types";

/** What stays the user's own with a service: which service, and whether the send handler stamps. */
const USER_OWNED_FIELDS = ["serviceUrl", "autoStampOnSend"] as const satisfies readonly (keyof Settings)[];

export type ServiceOwnedField = Exclude<(typeof SETTINGS_FIELDS)[number], (typeof USER_OWNED_FIELDS)[number]>;

/** The settings a tracking service decides for everyone in its deployment (the user number included): all the others. */
export const SERVICE_OWNED_FIELDS: readonly ServiceOwnedField[] = SETTINGS_FIELDS.filter(
  (field): field is ServiceOwnedField => !(USER_OWNED_FIELDS as readonly string[]).includes(field),
);

/** What the add-in last heard from its service: the deployment and, once registered, the user's ordinal. */
export type KnownDeployment = {
  /** The service it came from, as settings name it. */
  readonly serviceUrl: string;
  readonly deployment: Deployment;
  /** deploymentBase + ordinal is the user number; null until the user has registered (the user's own number stands in). */
  readonly ordinal: number | null;
};

/** Two spellings of one service URL: a trailing slash and the letter case of scheme and host do not matter. */
export function sameServiceUrl(a: string, b: string): boolean {
  const normal = (url: string): string => {
    const trimmed = url.trim().replace(/\/+$/, "");
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(trimmed)?.[0] ?? "";
    return asciiLowerCase(origin) + trimmed.slice(origin.length);
  };
  return a.trim() !== "" && normal(a) === normal(b);
}

/** Whether `known` is the deployment of the service `settings` name. */
export function deploymentApplies(settings: Pick<Settings, "serviceUrl">, known: KnownDeployment | undefined): known is KnownDeployment {
  return known !== undefined && sameServiceUrl(settings.serviceUrl, known.serviceUrl);
}

/**
 * The user's settings with the service's fields in their place. A deployment this add-in cannot
 * use (for instance a prefix it would reject) leaves the user's own settings and says why.
 */
export function withDeployment(own: Settings, known: KnownDeployment): { readonly settings: Settings; readonly problems: readonly ValidationError[] } {
  const { deployment } = known;
  const current = asciiLowerCase(deployment.prefix);
  const seen = new Set<string>([current]);
  // The history lists earlier prefixes once each, never the current one: what validation requires.
  const prefixHistory = deployment.prefixHistory.filter((entry) => {
    const key = asciiLowerCase(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Until the service has assigned one, the user's own number stays: it is what registration claims.
  const assigned = known.ordinal !== null && known.ordinal >= 1;
  const ordinal = assigned ? known.ordinal : own.userOrdinal;
  const check = (userOrdinal: number | null) =>
    validateSettings({
      ...own,
      trackingEnabled: deployment.trackingEnabled,
      prefix: deployment.prefix,
      prefixHistory,
      userDigits: deployment.userDigits,
      counterDigits: deployment.counterDigits,
      deploymentBase: deployment.deploymentBase,
      activeDays: deployment.activeDays,
      userOrdinal,
    });
  let result = check(ordinal);
  // The user's own number may not fit the team's digits or base: then the service assigns one.
  if (!result.ok && !assigned && ordinal !== null) result = check(null);
  if (result.ok) return { settings: result.settings, problems: [] };
  const reasons = result.errors.map((error) => error.problem);
  return { settings: own, problems: [{ field: "settings", problem: { code: "service-settings-unusable", serviceUrl: known.serviceUrl, reasons } }] };
}
