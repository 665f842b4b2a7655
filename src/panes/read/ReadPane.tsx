import { ReadPaneView } from "./ReadPaneView";
import { useReadPane } from "./useReadPane";
import type { ReadPaneOptions } from "./useReadPane";

export type ReadPaneProps = ReadPaneOptions & {
  /** BCP 47 locale for times, e.g. Office's display language. @default the user's locale (the browser's) */
  locale?: string | undefined;
};

/** The read pane: decodes the selected message's tokens and says what they answer. */
export function ReadPane({ locale, ...options }: ReadPaneProps) {
  const { state, copy, copyToken } = useReadPane(options);
  return <ReadPaneView state={state} copy={copy} onCopy={(token) => void copyToken(token)} locale={locale} />;
}
