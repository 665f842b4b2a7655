import { Body1, Caption1, Subtitle1, Title3 } from "../shared/Typography";
import { LazyPaneMessage as PaneMessage, preloadPaneMessage } from "../shared/LazyPaneMessage";
import { Suspense, lazy, useEffect } from "react";
import type { CSSProperties } from "react";
import { PaneLoading } from "../shared/PaneShell";
import { SmartMatchCard } from "./SmartMatchCard";
import { TokenCard } from "./TokenCard";
import type { CopyState, ReadPaneState } from "./useReadPane";
import { tokenVar } from "../shared/tokenVar";
import { useMessages } from "../shared/language";
import { MarkList } from "./MarkList";

export type ReadPaneViewProps = {
  /** What to show: see useReadPane. */
  state: ReadPaneState;
  /** The last copy's outcome, announced in a live region. */
  copy: CopyState;
  /** Called with a token's text when its Copy button is pressed. */
  onCopy: (token: string) => void;
};

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  pane: { display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalL") },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalM") },
  section: { display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalS") },
  subject: { overflowWrap: "anywhere" },
} satisfies Record<string, CSSProperties>;

/** Rare (invalid settings): their words load when shown. */
const SettingsProblemList = lazy(() => import(/* webpackChunkName: "settings-problems" */ "./SettingsProblemList").then((module) => ({ default: module.SettingsProblemList })));

/** Renders the read pane's state. No behaviour here: useReadPane owns it. */
export function ReadPaneView({ state, copy, onCopy }: ReadPaneViewProps) {
  const m = useMessages();
  // The messages' chunk once the pane is up, not before (LazyPaneMessage.tsx).
  useEffect(preloadPaneMessage, []);
  return (
    <main style={styles.pane}>
      <Title3 as="h1">{m.text("read.title")}</Title3>
      <Body of={state} onCopy={onCopy} />
      {/* Always in the DOM, so screen readers already watch it when the text changes. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {copy.status === "copied" && m.text("read.copied", { token: copy.token })}
        {copy.status === "failed" && m.text("read.copyFailed", { token: copy.token })}
      </div>
    </main>
  );
}

function Body({ of: state, onCopy }: { of: ReadPaneState; onCopy: (token: string) => void }) {
  const m = useMessages();
  switch (state.status) {
    case "loading":
      return <PaneLoading label={m.text("read.readingMessage")} />;
    case "no-item":
      return (
        <section style={styles.section} aria-labelledby="no-item-title">
          <Subtitle1 as="h2" id="no-item-title">
            {m.text("read.noItem.title")}
          </Subtitle1>
          <Body1>{m.text("read.noItem.text")}</Body1>
        </section>
      );
    case "compose":
      return (
        <PaneMessage intent="info" title={m.text("read.compose.title")} multiline={false}>
          {m.text("read.compose.text")}
        </PaneMessage>
      );
    case "message": {
      const { tokens: reports, foreign, nearMisses, smartMatch, history, service, settingsProblems, message } = state;
      return (
        <>
          <Caption1 style={styles.subject}>{m.text("read.subject", { subject: message.subject === "" ? m.text("read.noSubject") : message.subject })}</Caption1>
          {settingsProblems.length > 0 && (
            <PaneMessage intent="warning" title={m.text("read.settingsProblems.title")}>
              {m.text("read.settingsProblems.text")}
              <Suspense fallback={null}>
                <SettingsProblemList problems={settingsProblems} />
              </Suspense>
            </PaneMessage>
          )}
          {service.status === "unreachable" && (
            <PaneMessage intent="warning" title={service.signIn ? m.text("read.signInFailed") : m.text("read.serviceSilent")}>
              {m.text("read.serviceFallback", { reason: service.reason })}
            </PaneMessage>
          )}
          {reports.length > 0 ? (
            <section style={styles.section} aria-labelledby="ours-title">
              <Subtitle1 as="h2" id="ours-title">
                {m.count("read.tokens", reports.length)}
              </Subtitle1>
              <ul style={styles.list} aria-labelledby="ours-title">
                {reports.map((report) => (
                  <li key={report.token.index}>
                    <TokenCard report={report} history={history} service={service} onCopy={onCopy} />
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <section style={styles.section} aria-labelledby="no-token-title">
              <Subtitle1 as="h2" id="no-token-title">
                {m.text("read.noToken")}
              </Subtitle1>
              {smartMatch !== undefined ? (
                <SmartMatchCard answer={smartMatch} />
              ) : (
                <Body1>
                  {history.status === "checking"
                    ? m.text("read.lookingForMatch")
                    : service.status === "answered"
                    ? m.text("read.noMatchService")
                    : history.status === "available"
                      ? m.text("read.noMatch")
                      : m.text("read.noHistoryForMatching")}
                </Body1>
              )}
            </section>
          )}
          {foreign.length > 0 && <MarkList id="marks-foreign" title={m.text("read.foreignMarks")} marks={foreign} />}
          {nearMisses.length > 0 && <MarkList id="marks-near-misses" title={m.text("read.nearMisses")} marks={nearMisses} />}
        </>
      );
    }
  }
}
