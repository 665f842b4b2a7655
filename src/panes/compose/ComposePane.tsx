/** The compose task pane: one click adds this message's tracking token to the subject. Renders only. */
import { Button } from "@fluentui/react-components";
import { Caption1, Title3 } from "../shared/Typography";
import { LazySpinner as Spinner } from "../shared/LazySpinner";
import { Suspense, lazy, useEffect, useId, useRef } from "react";
import type { CSSProperties, ReactNode } from "react";
import { PaneLoading } from "../shared/PaneShell";
import { tokenVar } from "../shared/tokenVar";
import { Notice, preloadNotices } from "./Notice";
import { ModeStatus } from "./ModeStatus";
import { SubjectSummary } from "./SubjectSummary";
import type { SubjectReading } from "../../core/subjectReading";
import { useComposePane } from "./useComposePane";
import type { ActionState, ComposePane as ComposePaneModel, ComposePorts, StampReadiness } from "./useComposePane";
import { useMessages } from "../shared/language";
import type { Messages } from "../../languages/messages";

/** The ports the pane works through; the entry builds the real ones (createComposePorts). */
export type ComposePaneProps = ComposePorts;

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  root: { display: "flex", flexDirection: "column", rowGap: tokenVar("spacingVerticalL"), maxWidth: "40rem" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokenVar("spacingHorizontalS") },
  actions: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokenVar("spacingVerticalS") },
  section: { display: "flex", flexDirection: "column", rowGap: tokenVar("spacingVerticalM") },
} satisfies Record<string, CSSProperties>;

/** The settings form loads when first shown (see ComposeSettings.tsx). */
const ComposeSettings = lazy(() =>
  import(/* webpackChunkName: "settings" */ "./ComposeSettings").then(
    (module) => ({ default: module.ComposeSettings }),
    // Shown in place of the form: without it, a chunk that cannot load would take the whole pane down.
    (error: unknown) => ({ default: () => <Notice of={{ kind: "settings-unavailable", reason: error instanceof Error ? error.message : String(error) }} /> }),
  ),
);

export function ComposePane(props: ComposePaneProps) {
  const pane = useComposePane(props);
  const m = useMessages();
  const titleId = useId();
  const settingsId = useId();
  const actionButtonId = useId();
  const firstRun = pane.settingsPanel.status === "first-run";
  const settingsOpen = pane.settingsPanel.status !== "closed";

  // The messages come after the first click or for rarer states: fetch them once the pane is up, not before.
  useEffect(preloadNotices, []);

  // The first-run form goes away on save, taking focus with it: hand focus to Add instead.
  const focusActionAfterFirstRun = useRef(false);
  useEffect(() => {
    if (!firstRun && focusActionAfterFirstRun.current) {
      focusActionAfterFirstRun.current = false;
      document.getElementById(actionButtonId)?.focus();
    }
  }, [firstRun, actionButtonId]);

  return (
    <main aria-labelledby={titleId} style={styles.root}>
      <div style={styles.header}>
        <Title3 as="h1" id={titleId}>
          {m.text("compose.title")}
        </Title3>
        {!firstRun && (
          <Button
            appearance="subtle"
            aria-expanded={settingsOpen}
            aria-controls={settingsOpen ? settingsId : undefined}
            onClick={settingsOpen ? pane.closeSettings : pane.openSettings}
          >
            {m.text("compose.settings")}
          </Button>
        )}
      </div>
      {pane.settingsProblems.length > 0 && (
        <Notice of={{ kind: "settings-problems", problems: pane.settingsProblems }} />
      )}
      <ModeStatus connectivity={pane.connectivity} onRecheck={pane.recheckConnectivity} />
      <PaneBody pane={pane} actionButtonId={actionButtonId} />
      {settingsOpen && (
        <section id={settingsId} aria-label={m.text("compose.settings")} style={styles.section}>
          {firstRun && <Notice of={{ kind: "first-run" }} />}
          <Suspense fallback={<Spinner size="small" label={m.text("compose.loadingSettings")} />}>
            <ComposeSettings
              saved={pane.settings}
              save={async (settings) => {
                // Set before saving: the saved settings reach the pane (and end the first run) as the save completes.
                focusActionAfterFirstRun.current = firstRun;
                try {
                  await props.settings.save(settings);
                } catch (error) {
                  focusActionAfterFirstRun.current = false;
                  throw error;
                }
              }}
              managedBy={pane.managedBy}
              onSaved={pane.settingsSaved}
              firstRun={firstRun}
              onCancel={firstRun ? undefined : pane.closeSettings}
              activityLog={pane.activityLog}
              pendingOffline={pane.connectivity.pending}
            />
          </Suspense>
        </section>
      )}
    </main>
  );
}

function PaneBody({ pane, actionButtonId }: { pane: ComposePaneModel; actionButtonId: string }) {
  const { state } = pane;
  const m = useMessages();
  switch (state.status) {
    case "loading":
      return <PaneLoading label={m.text("compose.readingMessage")} />;
    case "no-item":
      return <Notice of={{ kind: "no-item" }} />;
    case "read-item":
      return <Notice of={{ kind: "read-item" }} />;
    case "subject-unreadable":
      return <Notice of={{ kind: "subject-unreadable", reason: state.reason, onRetry: pane.retry }} />;
    case "cannot-set-subject":
      return (
        <>
          <SubjectSummary subject={state.subject} />
          <Notice of={{ kind: "cannot-set-subject" }} />
        </>
      );
    case "draft":
      return (
        <>
          <SubjectSummary subject={state.subject} />
          {state.conflict !== undefined && <Notice of={{ kind: "token-taken", reason: state.conflict, onRestamp: pane.restampToken }} />}
          <DraftActions id={actionButtonId} subject={state.subject} action={state.action} readiness={pane.readiness} pane={pane} />
          <ActionResult action={state.action}>
            <Notice of={{ kind: "action", action: state.action, onRetry: pane.retry, onOpenSettings: pane.openSettings }} />
          </ActionResult>
        </>
      );
  }
}

/**
 * Where the outcome of Add or Remove is said: a live region, so screen readers hear it, and where
 * focus goes when the action ends. The button's label swaps between Add and Remove, so focus left on
 * it would make a second Enter undo the first.
 */
function ActionResult({ action, children }: { action: ActionState; children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  const wasBusy = useRef(false);
  const busy = action.status === "stamping" || action.status === "removing";
  const m = useMessages();
  useEffect(() => {
    if (wasBusy.current && !busy) region.current?.focus();
    wasBusy.current = busy;
  }, [busy]);
  return (
    <div ref={region} role="status" aria-live="polite" aria-label={m.text("compose.result")} tabIndex={-1} style={{ outlineOffset: 2 }}>
      {children}
    </div>
  );
}

function unavailableReason(m: Messages, readiness: StampReadiness): string | null {
  switch (readiness.status) {
    case "ready":
    case "tracking-off":
      return null;
    case "needs-user-number":
      return m.text("compose.needsUserNumber");
    case "offline-unavailable":
      return m.text("compose.offlineUnavailable", { reason: readiness.reason });
  }
}

type DraftActionsProps = { id: string; subject: SubjectReading; action: ActionState; readiness: StampReadiness; pane: ComposePaneModel };

function DraftActions({ id, subject, action, readiness, pane }: DraftActionsProps) {
  const explanationId = useId();
  const m = useMessages();
  const hasOwnToken = subject.draftToken !== null;
  const busy = action.status === "stamping" || action.status === "removing";
  const unavailable = hasOwnToken ? null : unavailableReason(m, readiness);
  // Tracking off: no Add at all, only why (Remove stays for a token put on earlier).
  if (readiness.status === "tracking-off" && !hasOwnToken) {
    return (
      <div style={styles.actions}>
        <Caption1 role="status">{m.text("compose.trackingOff")}</Caption1>
      </div>
    );
  }
  return (
    <div style={styles.actions}>
      {/* One button whose role switches; when an action ends, focus moves to its result (ActionResult). */}
      <Button
        id={id}
        appearance={hasOwnToken ? "secondary" : "primary"}
        disabledFocusable={busy || unavailable !== null}
        aria-describedby={unavailable === null ? undefined : explanationId}
        onClick={hasOwnToken ? pane.removeToken : pane.addToken}
      >
        {hasOwnToken ? m.text("compose.remove") : m.text("compose.add")}
      </Button>
      {unavailable !== null && <Caption1 id={explanationId}>{unavailable}</Caption1>}
      {busy && <Spinner size="tiny" labelPosition="after" label={action.status === "stamping" ? m.text("compose.adding") : m.text("compose.removing")} />}
    </div>
  );
}
