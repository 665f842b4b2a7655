import { ReadPaneView } from "./ReadPaneView";
import { useReadPane } from "./useReadPane";
import type { ReadPaneOptions } from "./useReadPane";

/** Times read in the user's locale through the pane's messages (docs/DESIGN.md §9). */
export type ReadPaneProps = ReadPaneOptions;

/** The read pane: decodes the selected message's tokens and says what they answer. */
export function ReadPane(options: ReadPaneProps) {
  const { state, copy, copyToken } = useReadPane(options);
  return <ReadPaneView state={state} copy={copy} onCopy={(token) => void copyToken(token)} />;
}
