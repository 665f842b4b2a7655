/** What the subject holds: no token, our tokens decoded part by part, and other marks left alone. */
import { Body1, Caption1, Subtitle2 } from "../shared/Typography";
import { useId } from "react";
import type { CSSProperties } from "react";
import type { FoundToken } from "../../core/types";
import type { SubjectReading } from "../../core/subjectReading";
import { tokenVar } from "../shared/tokenVar";
import { useMessages } from "../shared/language";

export type SubjectSummaryProps = {
  subject: SubjectReading;
};

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  root: { display: "flex", flexDirection: "column", rowGap: tokenVar("spacingVerticalS") },
  token: { margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokenVar("spacingHorizontalM"), rowGap: tokenVar("spacingVerticalXXS") },
  term: { color: tokenVar("colorNeutralForeground3") },
  value: { margin: 0 },
  code: { margin: 0, fontFamily: tokenVar("fontFamilyMonospace") },
} satisfies Record<string, CSSProperties>;

export function SubjectSummary({ subject }: SubjectSummaryProps) {
  const headingId = useId();
  const m = useMessages();
  const earlier = subject.ours.filter((token) => token !== subject.draftToken).length;
  return (
    <section aria-labelledby={headingId} style={styles.root}>
      <Subtitle2 as="h2" id={headingId}>
        {m.text("subject.title")}
      </Subtitle2>
      {subject.ours.length === 0 ? (
        <Body1>{m.text("subject.none")}</Body1>
      ) : (
        subject.ours.map((token) => (
          <TokenDetails key={`${token.index}:${token.text}`} token={token} own={token === subject.draftToken} />
        ))
      )}
      {earlier > 0 && <Caption1>{m.count("subject.earlier", earlier)}</Caption1>}
      {subject.hasOtherMarks && <Caption1>{m.text("subject.otherMarks")}</Caption1>}
    </section>
  );
}

function TokenDetails({ token, own }: { token: FoundToken; own: boolean }) {
  const m = useMessages();
  const title = own ? m.text("subject.own") : m.text("subject.earlierOurs");
  return (
    <div>
      <Body1 as="p">
        <strong>{title}</strong>
      </Body1>
      <dl style={styles.token} aria-label={title}>
        <dt style={styles.term}>{m.text("part.token")}</dt>
        <dd style={styles.code}>{token.text}</dd>
        <dt style={styles.term}>{m.text("part.created")}</dt>
        <dd style={styles.value}>{token.designator === 0 ? m.text("part.online") : m.text("part.offline")}</dd>
        <dt style={styles.term}>{m.text("part.user")}</dt>
        <dd style={styles.value}>{token.user}</dd>
        <dt style={styles.term}>{m.text("part.activity")}</dt>
        <dd style={styles.value}>{token.counter}</dd>
        {token.origin === "history" && (
          <>
            <dt style={styles.term}>{m.text("part.prefix")}</dt>
            <dd style={styles.value}>{m.text("subject.earlierPrefix", { prefix: token.prefix })}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
