/** Domain types shared by every layer. Pure: no Office, React, DOM, storage or clock. */
import type { SettingsProblem } from "./settingsProblem";

/** 0: the token was issued online by the authority; 1: issued offline from the device's local counter. */
export type Designator = 0 | 1;

/** Where a recognised prefix comes from: this deployment's current prefix, or one it used before. */
export type PrefixOrigin = "current" | "history";

/** The add-in's settings (docs/DESIGN.md §6). Stored in roaming settings. */
export type Settings = {
  /** Tracking tokens on (the seed's first setting): off, nothing is stamped, received tokens still decode. @default true */
  readonly trackingEnabled: boolean;
  /** Names the deployment. 1-20 characters, no whitespace, must not end in a digit. @default "CRM:" */
  readonly prefix: string;
  /** Earlier prefixes of this deployment: their tokens are still ours. @default [] */
  readonly prefixHistory: readonly string[];
  /** Width of the user part, 1-10. @default 3 */
  readonly userDigits: number;
  /** Width of the counter part, 1-9. @default 4 */
  readonly counterDigits: number;
  /** Added to the user's ordinal to make the user number (D365). @default 0 */
  readonly deploymentBase: number;
  /**
   * This user's ordinal in the deployment (standalone mode); the token carries
   * deploymentBase + userOrdinal. null until the user sets it. @default null
   */
  readonly userOrdinal: number | null;
  /** Tracking service base URL; "" for standalone (the mailbox is the authority). @default "" */
  readonly serviceUrl: string;
  /** An activity sent within this many days is active: its number is skipped on wrap. @default 30 */
  readonly activeDays: number;
  /** Stamp on send (OnMessageSend) when the draft has no token of ours. @default false */
  readonly autoStampOnSend: boolean;
};

/** The parts of a token, as written in it. `user` includes the deployment base. */
export type TokenParts = {
  readonly designator: Designator;
  readonly user: number;
  readonly counter: number;
};

/** A text that is exactly one token of ours, decoded. */
export type ParsedToken = TokenParts & {
  /** The prefix as configured (current or from history), not as typed in the subject. */
  readonly prefix: string;
  readonly origin: PrefixOrigin;
};

/** A token of ours found in a subject. */
export type FoundToken = ParsedToken & {
  /** The token exactly as it stands in the subject (its case kept). */
  readonly text: string;
  /** UTF-16 index of `text` in the subject. */
  readonly index: number;
};

/**
 * One invalid field and what is wrong with it (a code; the panes word it, docs/DESIGN.md §9).
 * `ignored`: a saved value that failed and was replaced by its default.
 */
export type ValidationError = { readonly field: keyof Settings | string; readonly problem: SettingsProblem; readonly ignored?: true };

export type ValidationResult =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** Result of stamping a subject. */
export type StampedSubject = {
  readonly subject: string;
  /** True when the user's text was shortened (with "…") to keep the subject within 255 characters. */
  readonly shortened: boolean;
};

/**
 * What the add-in asks Microsoft Entra ID for to call the tracking service (GET /v1/sign-in,
 * docs/DEPLOY.md step 1): the add-in's app registration and the service's own scope.
 */
export type SignInConfig = {
  readonly clientId: string;
  /** An access token for this scope only, e.g. api://addin.contoso.com/<client-id>/access_as_user. */
  readonly scope: string;
};

/** A team's deployment as the tracking service owns and answers it (docs/SERVICE-API.md, GET /v1/deployment). */
export type Deployment = {
  readonly prefix: string;
  readonly prefixHistory: readonly string[];
  readonly userDigits: number;
  readonly counterDigits: number;
  readonly deploymentBase: number;
  readonly activeDays: number;
  /** false: the team turned tracking tokens off. @default true */
  readonly trackingEnabled: boolean;
  /** Offline numbers the service hands each device (POST /v1/reserves). @default 50 */
  readonly reserveSize: number;
};
