/**
 * The frame every pane renders in, and how panes style their own elements: inline `style` objects
 * with Fluent's tokens (tokenVar.ts: CSS variables, so they follow the theme), not makeStyles. Our
 * styles are plain layout, and makeStyles alone would put Griffel's runtime CSS compiler in the
 * bundle; Fluent's own components ship their styles precompiled and do not need it.
 */
import { FluentProvider } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import { useEffect } from "react";
import type { ReactNode } from "react";
import { LazyPaneMessage } from "./LazyPaneMessage";
import { LazySpinner, preloadSpinner } from "./LazySpinner";
import { PAGE_THEME } from "./paneTheme";
import { OfflineCopyNotice } from "./OfflineCopyNotice";
import type { OfflineCopy } from "./offlineCopy";
import { LanguageProvider, useMessages } from "./language";
import type { Messages } from "../../languages/messages";
import { officeProblemText } from "./officeReady";
import type { OfficeProblem } from "./officeReady";

export type PaneShellProps = {
  /** The host's theme, from loadPaneTheme(hostTheme()). @default the page's own light theme (paneTheme.ts) */
  theme?: Partial<Theme>;
  /** Where the page came from; given once the pane is up, so registering its service worker waits for that. */
  offlineCopy?: OfflineCopy;
  /** The user's language; absent only for the first "Loading", before the catalogue is there. */
  messages?: Messages;
  children: ReactNode;
};

/** The frame every pane renders in: Fluent's provider with the host's theme, in the user's language and its direction. */
export function PaneShell({ theme = PAGE_THEME, offlineCopy, messages, children }: PaneShellProps) {
  useEffect(preloadSpinner, []);
  const shell = (
    <FluentProvider theme={theme} dir={messages?.dir ?? "ltr"} lang={messages?.locale} style={{ minHeight: "100vh", padding: 12, boxSizing: "border-box" }}>
      {offlineCopy && messages && <OfflineCopyNotice copy={offlineCopy} />}
      {children}
    </FluentProvider>
  );
  return messages ? <LanguageProvider messages={messages}>{shell}</LanguageProvider> : shell;
}

/** A spinner; its label once the catalogue has loaded (the first render has none yet). */
export function PaneLoading({ label }: { label?: string }) {
  return <LazySpinner {...(label === undefined ? {} : { label })} labelPosition="below" />;
}

/** `failedToStart`: the pane's own start failed, not Office. @default false */
export function OfficeUnavailable({ reason, failedToStart = false }: { reason: OfficeProblem | string; failedToStart?: boolean }) {
  const m = useMessages();
  return (
    <LazyPaneMessage intent="error" title={failedToStart ? m.text("pane.couldNotStart") : m.text("office.unavailable")} multiline={false} role="alert">
      {officeProblemText(m, reason)}
    </LazyPaneMessage>
  );
}
