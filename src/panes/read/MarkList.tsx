import { Body1, Caption1, Subtitle1 } from "../shared/Typography";
import type { CSSProperties } from "react";
import type { ForeignMark, NearMiss } from "../../core";
import { describeForeignMark, describeNearMiss } from "../../languages/subjectMarks";
import { useMessages } from "../shared/language";
import { tokenVar } from "../shared/tokenVar";

export type MarkListProps = {
  /** The heading's id (stable in every language). */
  id: string;
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

/** A labelled list of marks, each with what it looks like and why. */
export function MarkList({ id: headingId, title, marks }: MarkListProps) {
  const m = useMessages();
  return (
    <section aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId}>
        {title}
      </Subtitle1>
      <ul style={styles.list} aria-labelledby={headingId}>
        {marks.map((mark) => {
          const { label, explanation } = "detail" in mark ? describeForeignMark(m, mark) : { label: undefined, explanation: describeNearMiss(m, mark) };
          return (
            <li key={`${mark.index}:${mark.text}`} style={styles.item}>
              <Body1>
                <span style={styles.text}>{mark.text}</span>
                {label !== undefined && <Caption1> ({label})</Caption1>}
              </Body1>
              <Caption1>{explanation}</Caption1>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
