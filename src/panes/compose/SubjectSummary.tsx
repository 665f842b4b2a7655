/** What the subject holds: no token, our tokens decoded part by part, and other marks left alone. */
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { FoundToken } from "../../core/types";
import type { SubjectReading } from "./subjectReading";

export type SubjectSummaryProps = {
  subject: SubjectReading;
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  token: { margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export function SubjectSummary({ subject }: SubjectSummaryProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.root}>
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
      {subject.hasOtherMarks && <Caption1>Other marks in the subject are left as they are.</Caption1>}
    </section>
  );
}

function TokenDetails({ token, own }: { token: FoundToken; own: boolean }) {
  const styles = useStyles();
  const title = own ? "This message's token" : "An earlier token of ours";
  return (
    <div>
      <Body1 as="p">
        <strong>{title}</strong>
        {!own && " (not this message's own, e.g. from the message you are answering). Add tracking token replaces it with this message's token."}
      </Body1>
      <dl className={styles.token} aria-label={title}>
        <dt className={styles.term}>Token</dt>
        <dd className={`${styles.value} ${styles.code}`}>{token.text}</dd>
        <dt className={styles.term}>Created</dt>
        <dd className={styles.value}>{token.designator === 0 ? "Online" : "Offline"}</dd>
        <dt className={styles.term}>User number</dt>
        <dd className={styles.value}>{token.user}</dd>
        <dt className={styles.term}>Activity number</dt>
        <dd className={styles.value}>{token.counter}</dd>
        {token.origin === "history" && (
          <>
            <dt className={styles.term}>Prefix</dt>
            <dd className={styles.value}>{token.prefix} (an earlier prefix of ours)</dd>
          </>
        )}
      </dl>
    </div>
  );
}
