/** Terms and their details in two columns (a description list): a token's parts, what an activity was. Renders only. */
import type { CSSProperties } from "react";
import { tokenVar } from "../shared/tokenVar";

export type TermRow = readonly [term: string, detail: string];

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  list: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokenVar("spacingHorizontalM"), rowGap: tokenVar("spacingVerticalXXS"), margin: 0 },
  term: { color: tokenVar("colorNeutralForeground3") },
  detail: { margin: 0, overflowWrap: "anywhere" },
} satisfies Record<string, CSSProperties>;

export function TermList({ rows }: { rows: readonly TermRow[] }) {
  return (
    <dl style={styles.list}>
      {rows.map(([term, detail]) => (
        // display: contents keeps the grid while each pair stays one element for React.
        <div key={term} style={{ display: "contents" }}>
          <dt style={styles.term}>{term}</dt>
          <dd style={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
