/** How the last Add or Remove ended: the token added, why nothing was issued, or what failed. */
import { Button } from "@fluentui/react-components";
import { PaneMessage } from "../shared/PaneMessage";
import type { ActionState, BlockedKind } from "./useComposePane";

export type ActionMessageProps = {
  action: ActionState;
  /** Repeats the failed action. */
  onRetry: () => void;
  /** Opens the settings (when the fix is there). */
  onOpenSettings: () => void;
};

/** What the user can do about each blocked kind; the Stamper's reason says what happened. */
const BLOCKED: Record<BlockedKind, { title: string; advice: string; settings: boolean }> = {
  "tracking-off": { title: "Tracking tokens are off", advice: "Turn Tracking tokens on in Settings to add a token.", settings: true },
  "no-user-number": { title: "Set your user number first", advice: "Enter your user number in Settings, then add the token.", settings: true },
  "no-service-user": {
    title: "Connect to the tracking service once",
    advice: "The tracking service gives you your user number. Connect to the network, then add the token.",
    settings: false,
  },
  "settings-mismatch": {
    title: "Your settings differ from the tracking service's",
    advice: "Set the prefix and digit widths your admin gives for the tracking service, then add the token.",
    settings: true,
  },
  exhausted: {
    title: "No free activity numbers",
    advice: "Every number is still in use by an active message. Ask your admin for more counter digits.",
    settings: true,
  },
  "offline-unavailable": {
    title: "Offline numbering is unavailable",
    advice: "Connect to the network and try again, or use a browser that keeps local storage for this add-in.",
    settings: false,
  },
  "counter-corrupt": {
    title: "The local counter needs attention",
    advice: "No number was issued, so none can repeat. Reload the pane; if it stays, ask your admin.",
    settings: false,
  },
  "cannot-set-subject": {
    title: "Outlook cannot change this subject",
    advice: "Add the token with Outlook on the web or desktop.",
    settings: false,
  },
};

export function ActionMessage({ action, onRetry, onOpenSettings }: ActionMessageProps) {
  switch (action.status) {
    case "idle":
    case "stamping":
    case "removing":
      return null;
    case "stamped": {
      const { outcome } = action;
      return (
        <PaneMessage intent={outcome.fallbackReason === undefined && outcome.warning === undefined ? "success" : "warning"} title={outcome.reused ? "Token already added" : "Token added"}>
          The subject now ends with {outcome.token}.
          {outcome.reused && " This message already had that number, so no new one was used."}
          {outcome.shortened && <div>The subject was shortened to {outcome.subject.length} characters to fit the token.</div>}
          {outcome.fallbackReason !== undefined && (
            <div>
              The token was issued offline: {outcome.fallbackReason} It will be sent to the authority when it answers again.
            </div>
          )}
          {/* What the authority says about this number: a reassigned user number, a fallback past the reserve (docs/NUMBERING.md). */}
          {outcome.warning !== undefined && <div>{outcome.warning}</div>}
        </PaneMessage>
      );
    }
    case "removed":
      return (
        <PaneMessage intent="success" title="Token removed" multiline={false}>
          This message keeps its number: adding the token again uses the same one.
        </PaneMessage>
      );
    case "blocked": {
      const blocked = BLOCKED[action.kind];
      return (
        <PaneMessage intent="warning" title={blocked.title} {...(blocked.settings ? { actions: <Button onClick={onOpenSettings}>Open settings</Button> } : {})}>
          {action.reason} {blocked.advice}
        </PaneMessage>
      );
    }
    case "failed":
      return (
        <PaneMessage
          intent="error"
          title={action.action === "stamp" ? "The token was not added" : "The token was not removed"}
          actions={<Button onClick={onRetry}>Try again</Button>}
        >
          {action.reason}
          {action.burnedToken !== undefined && (
            <div>The number {action.burnedToken} is used up: it will not be issued again. Try again to add a new token.</div>
          )}
        </PaneMessage>
      );
  }
}
