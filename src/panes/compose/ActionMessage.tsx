/** How the last Add or Remove ended: the token added, why nothing was issued, or what failed. */
import { Button } from "@fluentui/react-components";
import { PaneMessage } from "../shared/PaneMessage";
import type { ActionState, BlockedKind } from "./useComposePane";
import { useMessages } from "../shared/language";

export type ActionMessageProps = {
  action: ActionState;
  /** Repeats the failed action. */
  onRetry: () => void;
  /** Opens the settings (when the fix is there). */
  onOpenSettings: () => void;
};

type BlockedName = "trackingOff" | "noUserNumber" | "noServiceUser" | "settingsMismatch" | "exhausted" | "offlineUnavailable" | "counterCorrupt" | "cannotSetSubject";

/** What the user can do about each blocked kind (its catalogue entries); the Stamper's reason says what happened. */
const BLOCKED: Record<BlockedKind, { name: BlockedName; settings: boolean }> = {
  "tracking-off": { name: "trackingOff", settings: true },
  "no-user-number": { name: "noUserNumber", settings: true },
  "no-service-user": { name: "noServiceUser", settings: false },
  "settings-mismatch": { name: "settingsMismatch", settings: true },
  exhausted: { name: "exhausted", settings: true },
  "offline-unavailable": { name: "offlineUnavailable", settings: false },
  "counter-corrupt": { name: "counterCorrupt", settings: false },
  "cannot-set-subject": { name: "cannotSetSubject", settings: false },
};

const blockedKey = (name: BlockedName, part: "title" | "advice") => `blocked.${name}.${part}` as const;

export function ActionMessage({ action, onRetry, onOpenSettings }: ActionMessageProps) {
  const m = useMessages();
  switch (action.status) {
    case "idle":
    case "stamping":
    case "removing":
      return null;
    case "stamped": {
      const { outcome } = action;
      return (
        <PaneMessage intent={outcome.fallbackReason === undefined && outcome.warning === undefined ? "success" : "warning"} title={outcome.reused ? m.text("action.alreadyAdded") : m.text("action.added")}>
          {m.text("action.endsWith", { token: outcome.token })}
          {outcome.reused && ` ${m.text("action.reused")}`}
          {outcome.shortened && <div>{m.count("action.shortened", outcome.subject.length)}</div>}
          {outcome.fallbackReason !== undefined && <div>{m.text("action.issuedOffline", { reason: outcome.fallbackReason })}</div>}
          {/* What the authority says about this number: a reassigned user number, a fallback past the reserve (docs/NUMBERING.md). */}
          {outcome.warning !== undefined && <div>{outcome.warning}</div>}
        </PaneMessage>
      );
    }
    case "removed":
      return (
        <PaneMessage intent="success" title={m.text("action.removed")} multiline={false}>
          {m.text("action.keepsNumber")}
        </PaneMessage>
      );
    case "blocked": {
      const blocked = BLOCKED[action.kind];
      return (
        <PaneMessage
          intent="warning"
          title={m.text(blockedKey(blocked.name, "title"))}
          {...(blocked.settings ? { actions: <Button onClick={onOpenSettings}>{m.text("action.openSettings")}</Button> } : {})}
        >
          {action.reason} {m.text(blockedKey(blocked.name, "advice"))}
        </PaneMessage>
      );
    }
    case "failed":
      return (
        <PaneMessage
          intent="error"
          title={action.action === "stamp" ? m.text("action.notAdded") : m.text("action.notRemoved")}
          actions={<Button onClick={onRetry}>{m.text("action.tryAgain")}</Button>}
        >
          {action.reason}
          {action.burnedToken !== undefined && <div>{m.text("action.burned", { token: action.burnedToken })}</div>}
        </PaneMessage>
      );
  }
}
