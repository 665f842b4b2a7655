import { Body1, Caption1, Subtitle1, Title3 } from "@fluentui/react-components";
import { LazyPaneMessage as PaneMessage, preloadPaneMessage } from "../shared/LazyPaneMessage";
import { useEffect } from "react";
import type { CSSProperties } from "react";
import { PaneLoading } from "../shared/PaneShell";
import { MarkList } from "./MarkList";
import { SmartMatchCard } from "./SmartMatchCard";
import { TokenCard } from "./TokenCard";
import type { CopyState, ReadPaneState } from "./useReadPane";
import { tokenVar } from "../shared/tokenVar";

export type ReadPaneViewProps = {
  /** What to show: see useReadPane. */
  state: ReadPaneState;
  /** The last copy's outcome, announced in a live region. */
  copy: CopyState;
  /** Called with a token's text when its Copy button is pressed. */
  onCopy: (token: string) => void;
  /** BCP 47 locale for times. @default the user's locale */
  locale?: string | undefined;
};

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  pane: { display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalL") },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalM") },
  section: { display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalS") },
  subject: { overflowWrap: "anywhere" },
} satisfies Record<string, CSSProperties>;

/** Renders the read pane's state. No behaviour here: useReadPane owns it. */
export function ReadPaneView({ state, copy, onCopy, locale }: ReadPaneViewProps) {
  // The messages' chunk once the pane is up, not before (LazyPaneMessage.tsx).
  useEffect(preloadPaneMessage, []);
  return (
    <main style={styles.pane}>
      <Title3 as="h1">Tracking tokens</Title3>
      <Body of={state} onCopy={onCopy} locale={locale} />
      {/* Always in the DOM, so screen readers already watch it when the text changes. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {copy.status === "copied" && `Copied ${copy.token}`}
        {copy.status === "failed" && `Could not copy ${copy.token}. Select the token and press Ctrl+C.`}
      </div>
    </main>
  );
}

function Body({ of: state, onCopy, locale }: { of: ReadPaneState; onCopy: (token: string) => void; locale: string | undefined }) {
  switch (state.status) {
    case "loading":
      return <PaneLoading label="Reading the message…" />;
    case "no-item":
      return (
        <section style={styles.section} aria-labelledby="no-item-title">
          <Subtitle1 as="h2" id="no-item-title">
            No message selected
          </Subtitle1>
          <Body1>Select a message to see the tracking tokens in its subject.</Body1>
        </section>
      );
    case "compose":
      return (
        <PaneMessage intent="info" title="This pane is for received mail" multiline={false}>
          It decodes the tokens of messages you read. While writing, use the compose pane to add a token.
        </PaneMessage>
      );
    case "message": {
      const { tokens: reports, foreign, nearMisses, smartMatch, history, service, settingsProblems, message } = state;
      return (
        <>
          <Caption1 style={styles.subject}>Subject: {message.subject === "" ? "(no subject)" : message.subject}</Caption1>
          {settingsProblems.length > 0 && (
            <PaneMessage intent="warning" title="Some settings are not valid">
              Tokens are decoded with the valid settings and defaults for the rest.
              <ul>
                {settingsProblems.map((problem, i) => (
                  <li key={`${problem.field}-${i}`}>{problem.message}</li>
                ))}
              </ul>
            </PaneMessage>
          )}
          {service.status === "unreachable" && (
            <PaneMessage intent="warning" title={service.signIn ? "Sign-in to the tracking service failed" : "The tracking service did not answer"}>
              {service.reason} Showing what this device knows.
            </PaneMessage>
          )}
          {reports.length > 0 ? (
            <section style={styles.section} aria-labelledby="ours-title">
              <Subtitle1 as="h2" id="ours-title">
                {reports.length === 1 ? "Tracking token" : `Tracking tokens (${reports.length})`}
              </Subtitle1>
              <ul style={styles.list} aria-labelledby="ours-title">
                {reports.map((report) => (
                  <li key={report.token.index}>
                    <TokenCard report={report} history={history} service={service} onCopy={onCopy} locale={locale} />
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <section style={styles.section} aria-labelledby="no-token-title">
              <Subtitle1 as="h2" id="no-token-title">
                No tracking token in this subject
              </Subtitle1>
              {smartMatch !== undefined ? (
                <SmartMatchCard answer={smartMatch} locale={locale} />
              ) : (
                <Body1>
                  {history.status === "checking"
                    ? "Looking in this device's history for a sent activity with the same subject and addresses…"
                    : service.status === "answered"
                    ? "No sent activity on this device or in the tracking service has the same subject and addresses."
                    : history.status === "available"
                      ? "No sent activity on this device has the same subject and addresses."
                      : "This device's history is not available for smart matching."}
                </Body1>
              )}
            </section>
          )}
          {foreign.length > 0 && <MarkList title="Marks of other systems" marks={foreign} />}
          {nearMisses.length > 0 && <MarkList title="Near misses" marks={nearMisses} />}
        </>
      );
    }
  }
}
