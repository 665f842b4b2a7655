import { Fragment } from "react";
import { Body1, Divider, makeStyles, MessageBar, MessageBarBody, Subtitle1, Text, tokens, typographyStyles } from "@fluentui/react-components";
import { formatAddressField } from "../model/addressField";
import type { MailMessage } from "../model/types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, overflowY: "auto", height: "100%", boxSizing: "border-box" },
  headers: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, ...typographyStyles.body1 },
  label: { color: tokens.colorNeutralForeground3, ...typographyStyles.caption1, lineHeight: tokens.lineHeightBase300 },
  value: { margin: 0 },
  body: { whiteSpace: "pre-wrap" },
  // Fluent's Divider grows in a flex column; here it only separates.
  divider: { flexGrow: 0 },
  empty: { margin: "auto", color: tokens.colorNeutralForeground3 },
});

function headerRows(message: MailMessage): [string, string][] {
  const rows: [string, string][] = [
    ["From", formatAddressField([message.from])],
    ["To", formatAddressField(message.to)],
  ];
  if (message.cc.length > 0) rows.push(["Cc", formatAddressField(message.cc)]);
  rows.push(["Sent", new Date(message.sentAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })]);
  return rows;
}

export function ReadingView({ message }: { message: MailMessage | null }) {
  const styles = useStyles();
  if (!message) {
    return (
      <div className={styles.root} aria-label="Reading pane">
        <Text className={styles.empty}>Select a message to read it.</Text>
      </div>
    );
  }
  return (
    <article className={styles.root} aria-label="Reading pane">
      <Subtitle1 as="h2">{message.subject}</Subtitle1>
      <dl className={styles.headers}>
        {headerRows(message).map(([label, value]) => (
          <Fragment key={label}>
            <dt className={styles.label}>{label}</dt>
            <dd className={styles.value}>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {message.note && (
        <MessageBar intent="info">
          <MessageBarBody>About this sample: {message.note}</MessageBarBody>
        </MessageBar>
      )}
      <Divider className={styles.divider} />
      <Body1 className={styles.body}>{message.body}</Body1>
    </article>
  );
}
