/**
 * "Clear history": empties the local activity log after the user confirms. The confirmation is
 * inline rather than a modal Dialog: a narrow task pane has no room to spare, and focus stays in
 * the pane's own flow (Tab order unchanged, no portal).
 */
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import type { CSSProperties } from "react";
import type { ActivityLog } from "../../storage/ports";
import { tokenVar } from "./tokenVar";

export type ClearHistoryProps = {
  /** The log to clear. */
  activityLog: ActivityLog;
  /** Offline activities not yet synced: clearing may drop them, so the confirmation says so. @default 0 */
  pendingOffline?: number;
};

type ClearState =
  | { readonly status: "idle" }
  | { readonly status: "confirming" }
  | { readonly status: "clearing" }
  | { readonly status: "cleared" }
  | { readonly status: "failed"; readonly reason: string };

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokenVar("spacingVerticalS") },
  confirm: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokenVar("spacingVerticalS"),
    padding: tokenVar("spacingHorizontalM"),
    border: `${tokenVar("strokeWidthThin")} solid ${tokenVar("colorNeutralStroke1")}`,
    borderRadius: tokenVar("borderRadiusMedium"),
  },
  buttons: { display: "flex", columnGap: tokenVar("spacingHorizontalS") },
} satisfies Record<string, CSSProperties>;

export function ClearHistory({ activityLog, pendingOffline = 0 }: ClearHistoryProps) {
  const [state, setState] = useState<ClearState>({ status: "idle" });
  const questionId = useId();
  const detailId = useId();
  // Focus moves by id: Fluent's Button types its ref for <button> and <a> at once.
  const openerId = useId();
  const confirmId = useId();
  const focus = (id: string) => document.getElementById(id)?.focus();
  const asking = state.status === "confirming" || state.status === "clearing";

  /** Set when the question closes: the opener is not mounted yet when the choice is made. */
  const returnFocus = useRef(false);

  // Move focus into the question when it appears, and back to the opener when it goes.
  useEffect(() => {
    if (state.status === "confirming") focus(confirmId);
    if (state.status !== "confirming" && state.status !== "clearing" && returnFocus.current) {
      returnFocus.current = false;
      focus(openerId);
    }
  }, [state.status, openerId, confirmId]);

  const clear = async () => {
    setState({ status: "clearing" });
    returnFocus.current = true;
    try {
      await activityLog.clear();
      setState({ status: "cleared" });
    } catch (error) {
      setState({ status: "failed", reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const keep = () => {
    returnFocus.current = true;
    setState({ status: "idle" });
  };

  return (
    <div style={styles.root}>
      {!asking && (
        <Button type="button" id={openerId} onClick={() => setState({ status: "confirming" })}>
          Clear history
        </Button>
      )}
      {asking && (
        <div
          role="group"
          aria-labelledby={questionId}
          aria-describedby={detailId}
          style={styles.confirm}
          onKeyDown={(event) => {
            if (event.key === "Escape") keep();
          }}
        >
          <Subtitle2 id={questionId}>Clear the activity history?</Subtitle2>
          <Caption1 id={detailId}>
            This device forgets which sent messages its tokens belong to, so a reply can no longer be traced back from
            here. Tokens already sent keep their numbers, and no number is issued twice.
            {pendingOffline > 0 &&
              ` ${pendingOffline} offline ${pendingOffline === 1 ? "activity has" : "activities have"} not synced yet and may be lost.`}
          </Caption1>
          <div style={styles.buttons}>
            <Button type="button" appearance="primary" id={confirmId} disabledFocusable={state.status === "clearing"} onClick={() => void clear()}>
              Clear history
            </Button>
            <Button type="button" disabledFocusable={state.status === "clearing"} onClick={keep}>
              Keep history
            </Button>
          </div>
        </div>
      )}
      {state.status === "cleared" && (
        <MessageBar intent="success">
          <MessageBarBody>Activity history cleared.</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>The history was not cleared: {state.reason}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
