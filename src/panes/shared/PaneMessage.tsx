/** A pane's message: a Fluent MessageBar with a title, its text and, where there is something to do, its buttons. Renders only. */
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MessageBarIntent } from "@fluentui/react-components";
import type { ReactNode } from "react";

export type PaneMessageProps = {
  intent: MessageBarIntent;
  title: ReactNode;
  children?: ReactNode;
  /** Buttons for what the user can do about it. */
  actions?: ReactNode;
  /** Wraps its text over several lines (Fluent's "multiline" layout). @default true */
  multiline?: boolean;
  /** "alert" for what stops the pane from working. @default the MessageBar's own (group) */
  role?: "alert";
};

export function PaneMessage({ intent, title, children, actions, multiline = true, role }: PaneMessageProps) {
  return (
    <MessageBar intent={intent} {...(multiline ? { layout: "multiline" } : {})} {...(role ? { role } : {})}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
      {actions !== undefined && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
