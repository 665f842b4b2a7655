/** The compose task pane: one click adds this message's tracking token to the subject. Renders only. */
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef } from "react";
import { ClearHistory } from "../shared/ClearHistory";
import { PaneLoading } from "../shared/PaneShell";
import { SettingsForm } from "../shared/SettingsForm";
import { ActionMessage } from "./ActionMessage";
import { ModeStatus } from "./ModeStatus";
import { SubjectSummary } from "./SubjectSummary";
import type { SubjectReading } from "./subjectReading";
import { useComposePane } from "./useComposePane";
import type { ActionState, ComposePane as ComposePaneModel, ComposePorts, StampReadiness } from "./useComposePane";

/** The ports the pane works through; the entry builds the real ones (createComposePorts). */
export type ComposePaneProps = ComposePorts;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, maxWidth: "40rem" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export function ComposePane(props: ComposePaneProps) {
  const pane = useComposePane(props);
  const styles = useStyles();
  const titleId = useId();
  const settingsId = useId();
  const actionButtonId = useId();
  const firstRun = pane.readiness.status === "needs-user-number";
  const settingsOpen = firstRun || pane.settingsPanel.status === "open";

  // The first-run form goes away on save, taking focus with it: hand focus to Add instead.
  const focusActionAfterFirstRun = useRef(false);
  useEffect(() => {
    if (!firstRun && focusActionAfterFirstRun.current) {
      focusActionAfterFirstRun.current = false;
      document.getElementById(actionButtonId)?.focus();
    }
  }, [firstRun, actionButtonId]);

  return (
    <main aria-labelledby={titleId} className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1" id={titleId}>
          Tracking token
        </Title3>
        {!firstRun && (
          <Button
            appearance="subtle"
            aria-expanded={settingsOpen}
            aria-controls={settingsOpen ? settingsId : undefined}
            onClick={settingsOpen ? pane.closeSettings : pane.openSettings}
          >
            Settings
          </Button>
        )}
      </div>
      {pane.settingsProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some saved settings were not valid</MessageBarTitle>
            Defaults are used for them until you save new ones.
            {pane.settingsProblems.map((problem) => (
              <div key={`${problem.field}:${problem.message}`}>{problem.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <ModeStatus connectivity={pane.connectivity} onRecheck={pane.recheckConnectivity} />
      <PaneBody pane={pane} actionButtonId={actionButtonId} />
      {settingsOpen && (
        <section id={settingsId} aria-label="Settings" className={styles.section}>
          {firstRun && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Set your user number to start stamping</MessageBarTitle>
                Without a tracking service, your tokens carry a number of your own. Ask your admin for it, enter it
                under Your user number and save.
              </MessageBarBody>
            </MessageBar>
          )}
          <SettingsForm
            saved={pane.settings}
            save={(settings) => props.settings.save(settings)}
            onSaved={(settings) => {
              focusActionAfterFirstRun.current = firstRun;
              pane.settingsSaved(settings);
            }}
            {...(firstRun ? { focusField: "userOrdinal" as const } : { onCancel: pane.closeSettings })}
          >
            {props.activityLog !== null && <ClearHistory activityLog={props.activityLog} pendingOffline={pane.connectivity.pending} />}
          </SettingsForm>
        </section>
      )}
    </main>
  );
}

function PaneBody({ pane, actionButtonId }: { pane: ComposePaneModel; actionButtonId: string }) {
  const { state } = pane;
  switch (state.status) {
    case "loading":
      return <PaneLoading label="Reading the message…" />;
    case "no-item":
      return (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>No message selected</MessageBarTitle>
            Select or start a message to add a tracking token.
          </MessageBarBody>
        </MessageBar>
      );
    case "read-item":
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This pane works on messages being written</MessageBarTitle>
            Reply, forward or start a new message to add a tracking token. The tokens of a received message are decoded
            in the read pane.
          </MessageBarBody>
        </MessageBar>
      );
    case "subject-unreadable":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The subject could not be read</MessageBarTitle>
            {state.reason}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={pane.retry}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      );
    case "cannot-set-subject":
      return (
        <>
          <SubjectSummary subject={state.subject} />
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>This Outlook cannot change the subject</MessageBarTitle>
              This version of Outlook does not let add-ins set a message's subject, so the pane cannot add a token
              here. Use Outlook on the web or on the desktop to add one.
            </MessageBarBody>
          </MessageBar>
        </>
      );
    case "draft":
      return (
        <>
          <SubjectSummary subject={state.subject} />
          <DraftActions id={actionButtonId} subject={state.subject} action={state.action} readiness={pane.readiness} pane={pane} />
          <ActionMessage action={state.action} onRetry={pane.retry} onOpenSettings={pane.openSettings} />
        </>
      );
  }
}

function unavailableReason(readiness: StampReadiness): string | null {
  switch (readiness.status) {
    case "ready":
      return null;
    case "needs-user-number":
      return "Adding a token becomes available once your user number is saved.";
    case "offline-unavailable":
      return `You are offline and offline numbering is unavailable: ${readiness.reason}`;
  }
}

type DraftActionsProps = { id: string; subject: SubjectReading; action: ActionState; readiness: StampReadiness; pane: ComposePaneModel };

function DraftActions({ id, subject, action, readiness, pane }: DraftActionsProps) {
  const styles = useStyles();
  const explanationId = useId();
  const hasOwnToken = subject.draftToken !== null;
  const busy = action.status === "stamping" || action.status === "removing";
  const unavailable = hasOwnToken ? null : unavailableReason(readiness);
  return (
    <div className={styles.actions}>
      {/* One button whose role switches, so keyboard focus stays on it after Add becomes Remove. */}
      <Button
        id={id}
        appearance={hasOwnToken ? "secondary" : "primary"}
        disabledFocusable={busy || unavailable !== null}
        aria-describedby={unavailable === null ? undefined : explanationId}
        onClick={hasOwnToken ? pane.removeToken : pane.addToken}
      >
        {hasOwnToken ? "Remove tracking token" : "Add tracking token"}
      </Button>
      {unavailable !== null && <Caption1 id={explanationId}>{unavailable}</Caption1>}
      {busy && <Spinner size="tiny" labelPosition="after" label={action.status === "stamping" ? "Adding the token…" : "Removing the token…"} />}
    </div>
  );
}
