/** The compose pane's messages as Fluent MessageBars; a lazy chunk (Notice.tsx). Renders only. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ActionMessage } from "./ActionMessage";
import type { ComposeNotice } from "./composeNotice";

export function ComposeNoticeView({ notice }: { notice: ComposeNotice }) {
  switch (notice.kind) {
    case "action":
      return <ActionMessage action={notice.action} onRetry={notice.onRetry} onOpenSettings={notice.onOpenSettings} />;
    case "no-item":
      return (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>No message selected</MessageBarTitle>
            Select or start a message to add a tracking token.
          </MessageBarBody>
        </MessageBar>
      );
    case "read-item":
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This pane works on messages being written</MessageBarTitle>
            Reply, forward or start a new message to add a tracking token. The tokens of a received message are decoded
            in the read pane.
          </MessageBarBody>
        </MessageBar>
      );
    case "subject-unreadable":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The subject could not be read</MessageBarTitle>
            {notice.reason}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={notice.onRetry}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      );
    case "token-taken":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This draft's token belongs to another activity</MessageBarTitle>
            {notice.reason}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={notice.onRestamp}>
              Stamp with a new number
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    case "cannot-set-subject":
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This Outlook cannot change the subject</MessageBarTitle>
            This version of Outlook does not let add-ins set a message's subject, so the pane cannot add a token
            here. Use Outlook on the web or on the desktop to add one.
          </MessageBarBody>
        </MessageBar>
      );
    case "settings-problems":
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some saved settings were not valid</MessageBarTitle>
            Defaults are used for them until you save new ones.
            {notice.problems.map((problem) => (
              <div key={`${problem.field}:${problem.message}`}>{problem.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      );
    case "first-run":
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Set your user number to start stamping</MessageBarTitle>
            Without a tracking service, your tokens carry a number of your own. Ask your admin for it, enter it
            under Your user number and save.
          </MessageBarBody>
        </MessageBar>
      );
    case "settings-unavailable":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The settings could not be loaded</MessageBarTitle>
            {notice.reason} Check the network, then open the pane again.
          </MessageBarBody>
        </MessageBar>
      );
    case "office-unavailable":
      return (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{notice.title ?? "Office is not available"}</MessageBarTitle>
            {notice.reason}
          </MessageBarBody>
        </MessageBar>
      );
  }
}
