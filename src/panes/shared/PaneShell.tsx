import { FluentProvider, Spinner, MessageBar, MessageBarBody, MessageBarTitle, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";

export type PaneShellProps = {
  /** Follow the host's theme: dark when Office says its body background is dark. @default "light" */
  theme?: "light" | "dark";
  children: ReactNode;
};

/** The frame every pane renders in: Fluent's provider with the host's theme. */
export function PaneShell({ theme = "light", children }: PaneShellProps) {
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh", padding: 12, boxSizing: "border-box" }}>
      {children}
    </FluentProvider>
  );
}

export function PaneLoading({ label }: { label: string }) {
  return <Spinner label={label} labelPosition="below" />;
}

export function OfficeUnavailable({ reason, title = "Office is not available" }: { reason: string; /** @default "Office is not available" */ title?: string }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {reason}
      </MessageBarBody>
    </MessageBar>
  );
}
