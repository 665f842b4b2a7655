/** What the subject holds: no token, our tokens decoded part by part, and other marks left alone. */
import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useId } from "react";
import type { CSSProperties } from "react";
import type { FoundToken } from "../../core/types";
import type { SubjectReading } from "../../core/subjectReading";
import { tokenVar } from "../shared/tokenVar";

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
  const earlier = subject.ours.filter((token) => token !== subject.draftToken).length;
  return (
    <section aria-labelledby={headingId} style={styles.root}>
      <Subtitle2 as="h2" id={headingId}>
        Subject
      </Subtitle2>
      {subject.ours.length === 0 ? (
        <Body1>No tracking token in the subject yet.</Body1>
      ) : (
        subject.ours.map((token) => (
          <TokenDetails key={`${token.index}:${token.text}`} token={token} own={token === subject.draftToken} />
        ))
      )}
      {earlier > 0 && (
        <Caption1>
          {earlier === 1
            ? "The earlier token is not this message's own: it comes from the message you are answering. Add tracking token replaces it with this message's token."
            : `The ${earlier} earlier tokens are not this message's own: they come from the messages you are answering. Add tracking token replaces them with this message's token.`}
        </Caption1>
      )}
      {subject.hasOtherMarks && <Caption1>Other marks in the subject are left as they are.</Caption1>}
    </section>
  );
}

function TokenDetails({ token, own }: { token: FoundToken; own: boolean }) {
  const title = own ? "This message's token" : "An earlier token of ours";
  return (
    <div>
      <Body1 as="p">
        <strong>{title}</strong>
      </Body1>
      <dl style={styles.token} aria-label={title}>
        <dt style={styles.term}>Token</dt>
        <dd style={styles.code}>{token.text}</dd>
        <dt style={styles.term}>Created</dt>
        <dd style={styles.value}>{token.designator === 0 ? "Online" : "Offline"}</dd>
        <dt style={styles.term}>User number</dt>
        <dd style={styles.value}>{token.user}</dd>
        <dt style={styles.term}>Activity number</dt>
        <dd style={styles.value}>{token.counter}</dd>
        {token.origin === "history" && (
          <>
            <dt style={styles.term}>Prefix</dt>
            <dd style={styles.value}>{token.prefix} (an earlier prefix of ours)</dd>
          </>
        )}
      </dl>
    </div>
  );
}
