import { Body1, Caption1, Subtitle1 } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import type { ForeignMark, ForeignMarkKind, NearMiss } from "../../core";
import { tokenVar } from "../shared/tokenVar";

export type MarkListProps = {
  /** The section heading, also the list's accessible name. */
  title: string;
  /** Marks of other systems, or near misses of ours. */
  marks: readonly (ForeignMark | NearMiss)[];
};

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalS") },
  text: { fontFamily: tokenVar("fontFamilyMonospace"), fontWeight: tokenVar("fontWeightSemibold") },
  item: { display: "flex", flexDirection: "column" },
} satisfies Record<string, CSSProperties>;

const FOREIGN_LABELS: Record<ForeignMarkKind, string> = {
  "other-prefix": "another system's prefix",
  "ticket-hook": "OTRS / Zammad ticket",
  "request-tracker": "Request Tracker ticket",
  "salesforce-thread": "Salesforce thread id",
  freshdesk: "Freshdesk ticket",
};

/** A labelled list of marks, each with what it looks like and why. */
export function MarkList({ title, marks }: MarkListProps) {
  const headingId = `marks-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId}>
        {title}
      </Subtitle1>
      <ul style={styles.list} aria-labelledby={headingId}>
        {marks.map((mark) => (
          <li key={`${mark.index}:${mark.text}`} style={styles.item}>
            <Body1>
              <span style={styles.text}>{mark.text}</span>
              {"prefix" in mark ? null : <Caption1> ({FOREIGN_LABELS[mark.kind]})</Caption1>}
            </Body1>
            <Caption1>{mark.explanation}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
