import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import { ActivitySummary } from "./ActivitySummary";
import { OutlineCard } from "./OutlineCard";
import { TermList } from "./TermList";
import type { TermRow } from "./TermList";
import type { HistoryAccess, ServiceAccess, TokenReport } from "./useReadPane";
import { StatusBadge } from "../shared/StatusBadge";
import { tokenVar } from "../shared/tokenVar";

export type TokenCardProps = {
  /** The token, decoded, and what it answers when known. */
  report: TokenReport;
  /** Whether this device's history could be searched; says why an answer is missing. */
  history: HistoryAccess;
  /** Whether the tracking service was asked. @default { status: "none" } */
  service?: ServiceAccess | undefined;
  /** Called with the token's text when the user presses Copy. */
  onCopy: (token: string) => void;
  /** BCP 47 locale for times. @default the user's locale */
  locale?: string | undefined;
};

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokenVar("spacingHorizontalS"), flexWrap: "wrap" },
  token: { fontFamily: tokenVar("fontFamilyMonospace"), fontSize: tokenVar("fontSizeBase400"), fontWeight: tokenVar("fontWeightSemibold"), margin: 0, userSelect: "all" },
  answer: { display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalXS") },
} satisfies Record<string, CSSProperties>;

/** One token of ours: its parts, a Copy button, and what it answers. */
export function TokenCard({ report, history, service = { status: "none" }, onCopy, locale }: TokenCardProps) {
  const { token, answer } = report;
  const match = answer?.match;
  const headingId = `token-${token.index}`;
  const answerId = `answer-${token.index}`;
  const parts: TermRow[] = [
    ["Prefix", token.origin === "current" ? `${token.prefix} (current prefix)` : `${token.prefix} (earlier prefix of ours)`],
    ["Created", token.designator === 0 ? "Online" : "Offline"],
    ["User number", String(token.user)],
    ["Activity number", String(token.counter)],
  ];
  return (
    <OutlineCard labelledBy={headingId}>
      <div style={styles.header}>
        <h3 style={styles.token} id={headingId}>
          {token.text}
        </h3>
        <Button size="small" aria-label={`Copy ${token.text}`} onClick={() => onCopy(token.text)}>
          Copy
        </Button>
      </div>
      {/* A dl cannot carry a name; the group gives screen readers "Parts of CRM:…". */}
      <div role="group" aria-label={`Parts of ${token.text}`}>
        <TermList rows={parts} />
      </div>
      <section style={styles.answer} aria-labelledby={answerId}>
        <Subtitle2 as="h4" id={answerId}>
          What it answers
        </Subtitle2>
        {match !== undefined && match.activity.status === "issued" ? (
          <>
            <div>
              <StatusBadge kind="warning" appearance="tint">
                Not sent
              </StatusBadge>
            </div>
            <Body1>
              {match.activity.token} was stamped on a draft that was not sent (yet): it answers no sent mail. The number stays used and is never issued again.
            </Body1>
          </>
        ) : match !== undefined ? (
          <>
            <div>
              <StatusBadge kind="success" appearance="tint">
                {answer?.by === "service" ? "Found by token (tracking service)" : "Found by token"}
              </StatusBadge>
            </div>
            <ActivitySummary activity={match.activity} locale={locale} />
          </>
        ) : (
          <NotFound designator={token.designator} history={history} service={service} />
        )}
      </section>
    </OutlineCard>
  );
}

function NotFound({ designator, history, service }: { designator: 0 | 1; history: HistoryAccess; service: ServiceAccess }) {
  if (history.status === "checking") return <Body1>Looking in this device's history…</Body1>;
  if (service.status === "checking") return <Body1>Not in this device's history; asking the tracking service…</Body1>;
  if (service.status === "answered") {
    return (
      <>
        <Body1>Not in this device's history, and not known to the tracking service.</Body1>
        {designator === 1 && <Caption1>It was created offline: the tracking service learns of it when the device that stamped it syncs.</Caption1>}
      </>
    );
  }
  return (
    <>
      <Body1>Not in this device's history.</Body1>
      {service.status === "unreachable" && <Caption1>The tracking service could not be asked ({service.reason}).</Caption1>}
      {history.status === "unavailable" && <Caption1>This device keeps no activity history here, so the sent message cannot be looked up.</Caption1>}
      {history.status === "failed" && <Caption1>This device's history could not be read ({history.reason}).</Caption1>}
      {designator === 1 ? (
        <Caption1>It was created offline, possibly on another device: its activity is known there, or to the tracking service once that device syncs.</Caption1>
      ) : (
        <Caption1>It was created online, perhaps on another device or before this device's history began.</Caption1>
      )}
    </>
  );
}
