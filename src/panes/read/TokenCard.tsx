import { Button } from "@fluentui/react-components";
import { Body1, Caption1, Subtitle2 } from "../shared/Typography";
import type { CSSProperties } from "react";
import { ActivitySummary } from "./ActivitySummary";
import { OutlineCard } from "./OutlineCard";
import { TermList } from "./TermList";
import type { TermRow } from "./TermList";
import type { HistoryAccess, ServiceAccess, TokenReport } from "./useReadPane";
import { StatusBadge } from "../shared/StatusBadge";
import { tokenVar } from "../shared/tokenVar";
import { useMessages } from "../shared/language";

export type TokenCardProps = {
  /** The token, decoded, and what it answers when known. */
  report: TokenReport;
  /** Whether this device's history could be searched; says why an answer is missing. */
  history: HistoryAccess;
  /** Whether the tracking service was asked. @default { status: "none" } */
  service?: ServiceAccess | undefined;
  /** Called with the token's text when the user presses Copy. */
  onCopy: (token: string) => void;
};

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokenVar("spacingHorizontalS"), flexWrap: "wrap" },
  token: { fontFamily: tokenVar("fontFamilyMonospace"), fontSize: tokenVar("fontSizeBase400"), fontWeight: tokenVar("fontWeightSemibold"), margin: 0, userSelect: "all" },
  answer: { display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalXS") },
} satisfies Record<string, CSSProperties>;

/** One token of ours: its parts, a Copy button, and what it answers. */
export function TokenCard({ report, history, service = { status: "none" }, onCopy }: TokenCardProps) {
  const m = useMessages();
  const { token, answer } = report;
  const match = answer?.match;
  const headingId = `token-${token.index}`;
  const answerId = `answer-${token.index}`;
  const parts: TermRow[] = [
    [m.text("part.prefix"), token.origin === "current" ? m.text("token.currentPrefix", { prefix: token.prefix }) : m.text("token.earlierPrefix", { prefix: token.prefix })],
    [m.text("part.created"), token.designator === 0 ? m.text("part.online") : m.text("part.offline")],
    // Identifiers, not quantities: as written in the token, never grouped.
    [m.text("part.user"), String(token.user)],
    [m.text("part.activity"), String(token.counter)],
  ];
  return (
    <OutlineCard labelledBy={headingId}>
      <div style={styles.header}>
        <h3 style={styles.token} id={headingId}>
          {token.text}
        </h3>
        <Button size="small" aria-label={m.text("token.copyLabel", { token: token.text })} onClick={() => onCopy(token.text)}>
          {m.text("token.copy")}
        </Button>
      </div>
      {/* A dl cannot carry a name; the group gives screen readers "Parts of CRM:…". */}
      <div role="group" aria-label={m.text("token.parts", { token: token.text })}>
        <TermList rows={parts} />
      </div>
      <section style={styles.answer} aria-labelledby={answerId}>
        <Subtitle2 as="h4" id={answerId}>
          {m.text("token.answers")}
        </Subtitle2>
        {match !== undefined && match.activity.status === "issued" ? (
          <>
            <div>
              <StatusBadge kind="warning" appearance="tint">
                {m.text("token.notSent")}
              </StatusBadge>
            </div>
            <Body1>{m.text("token.notSentText", { token: match.activity.token })}</Body1>
          </>
        ) : match !== undefined ? (
          <>
            <div>
              <StatusBadge kind="success" appearance="tint">
                {answer?.by === "service" ? m.text("token.foundByService") : m.text("token.found")}
              </StatusBadge>
            </div>
            <ActivitySummary activity={match.activity} />
          </>
        ) : (
          <NotFound designator={token.designator} history={history} service={service} />
        )}
      </section>
    </OutlineCard>
  );
}

function NotFound({ designator, history, service }: { designator: 0 | 1; history: HistoryAccess; service: ServiceAccess }) {
  const m = useMessages();
  if (history.status === "checking") return <Body1>{m.text("token.lookingInHistory")}</Body1>;
  if (service.status === "checking") return <Body1>{m.text("token.asking")}</Body1>;
  if (service.status === "answered") {
    return (
      <>
        <Body1>{m.text("token.unknownEverywhere")}</Body1>
        {designator === 1 && <Caption1>{m.text("token.offlineSyncs")}</Caption1>}
      </>
    );
  }
  return (
    <>
      <Body1>{m.text("token.notInHistory")}</Body1>
      {service.status === "unreachable" && <Caption1>{m.text("token.serviceNotAsked", { reason: service.reason })}</Caption1>}
      {history.status === "unavailable" && <Caption1>{m.text("token.noHistory")}</Caption1>}
      {history.status === "failed" && <Caption1>{m.text("token.historyFailed", { reason: history.reason })}</Caption1>}
      <Caption1>{designator === 1 ? m.text("token.offlineElsewhere") : m.text("token.onlineElsewhere")}</Caption1>
    </>
  );
}
