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
import { lightTheme } from "./lightTheme.data";
import { OfflineCopyNotice } from "./OfflineCopyNotice";
import type { OfflineCopy } from "./offlineCopy";

export type PaneShellProps = {
  /** The host's theme, from loadPaneTheme(hostTheme()). @default Fluent's web light theme, the tokens the panes use (lightTheme.data.ts) */
  theme?: Partial<Theme>;
  /** Where the page came from; given once the pane is up, so registering its service worker waits for that. */
  offlineCopy?: OfflineCopy;
  children: ReactNode;
};

/** The frame every pane renders in: Fluent's provider with the host's theme. */
export function PaneShell({ theme = lightTheme, offlineCopy, children }: PaneShellProps) {
  useEffect(preloadSpinner, []);
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh", padding: 12, boxSizing: "border-box" }}>
      {offlineCopy && <OfflineCopyNotice copy={offlineCopy} />}
      {children}
    </FluentProvider>
  );
}

export function PaneLoading({ label }: { label: string }) {
  return <LazySpinner label={label} labelPosition="below" />;
}

export function OfficeUnavailable({ reason, title = "Office is not available" }: { reason: string; /** @default "Office is not available" */ title?: string }) {
  return (
    <LazyPaneMessage intent="error" title={title} multiline={false} role="alert">
      {reason}
    </LazyPaneMessage>
  );
}
