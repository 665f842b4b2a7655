/** What a compose notice says, shared by Notice.tsx (the lazy shell) and ComposeNotices.tsx (its chunk), so neither imports the other's types. */
import type { ValidationError } from "../../core/types";
import type { ActionState } from "./useComposePane";
import type { OfficeProblem } from "../shared/officeReady";

/** Which message, with what it needs. */
export type ComposeNotice =
  | { readonly kind: "action"; readonly action: ActionState; readonly onRetry: () => void; readonly onOpenSettings: () => void }
  | { readonly kind: "no-item" }
  | { readonly kind: "read-item" }
  | { readonly kind: "subject-unreadable"; readonly reason: string; readonly onRetry: () => void }
  | { readonly kind: "cannot-set-subject" }
  /** Another activity holds the draft's token (the authority refused it): one click gives a new number. */
  | { readonly kind: "token-taken"; readonly reason: string; readonly onRestamp: () => void }
  | { readonly kind: "settings-problems"; readonly problems: readonly ValidationError[] }
  | { readonly kind: "first-run" }
  | { readonly kind: "settings-unavailable"; readonly reason: string }
  | { readonly kind: "office-unavailable"; readonly title?: "couldNotStart"; readonly reason: OfficeProblem | string };
