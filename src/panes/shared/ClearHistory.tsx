/**
 * "Clear history": empties the local activity log after the user confirms. The confirmation is
 * inline rather than a modal Dialog: a narrow task pane has no room to spare, and focus stays in
 * the pane's own flow (Tab order unchanged, no portal). State and the log: useClearHistory.ts;
 * this renders it and moves focus.
 */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { Caption1, Subtitle2 } from "./Typography";
import { useEffect, useId, useRef } from "react";
import type { CSSProperties } from "react";
import type { ActivityLog } from "../../storage/ports";
import { tokenVar } from "./tokenVar";
import { useClearHistory } from "./useClearHistory";
import { useMessages } from "./language";

export type ClearHistoryProps = {
  /** The log to clear. */
  activityLog: ActivityLog;
  /** Offline activities not yet synced: clearing may drop them, so the confirmation says so. @default 0 */
  pendingOffline?: number;
};

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
  const history = useClearHistory(activityLog);
  const m = useMessages();
  const { state, asking } = history;
  const questionId = useId();
  const detailId = useId();
  // Focus moves by id: Fluent's Button types its ref for <button> and <a> at once.
  const openerId = useId();
  const confirmId = useId();
  const focus = (id: string) => document.getElementById(id)?.focus();

  /** Set when the question closes: the opener is not mounted yet when the choice is made. */
  const returnFocus = useRef(false);

  // Move focus into the question when it appears, and back to the opener when it goes.
  useEffect(() => {
    if (state.status === "confirming") focus(confirmId);
    if (!asking && returnFocus.current) {
      returnFocus.current = false;
      focus(openerId);
    }
  }, [state.status, asking, openerId, confirmId]);

  const clear = () => {
    returnFocus.current = true;
    void history.clear();
  };

  const keep = () => {
    returnFocus.current = true;
    history.keep();
  };

  return (
    <div style={styles.root}>
      {!asking && (
        <Button type="button" id={openerId} onClick={history.ask}>
          {m.text("history.clear")}
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
          <Subtitle2 id={questionId}>{m.text("history.question")}</Subtitle2>
          <Caption1 id={detailId}>
            {m.text("history.detail")}
            {pendingOffline > 0 && ` ${m.count("history.unsynced", pendingOffline)}`}
          </Caption1>
          <div style={styles.buttons}>
            <Button type="button" appearance="primary" id={confirmId} disabledFocusable={state.status === "clearing"} onClick={clear}>
              {m.text("history.clear")}
            </Button>
            <Button type="button" disabledFocusable={state.status === "clearing"} onClick={keep}>
              {m.text("history.keep")}
            </Button>
          </div>
        </div>
      )}
      {state.status === "cleared" && (
        <MessageBar intent="success">
          <MessageBarBody>{m.text("history.cleared")}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{m.text("history.failed", { reason: state.reason })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
