/** The compose pane's messages as Fluent MessageBars; a lazy chunk (Notice.tsx). Renders only. */
import { Button } from "@fluentui/react-components";
import { PaneMessage } from "../shared/PaneMessage";
import { ActionMessage } from "./ActionMessage";
import type { ComposeNotice } from "./composeNotice";

export function ComposeNoticeView({ notice }: { notice: ComposeNotice }) {
  switch (notice.kind) {
    case "action":
      return <ActionMessage action={notice.action} onRetry={notice.onRetry} onOpenSettings={notice.onOpenSettings} />;
    case "no-item":
      return (
        <PaneMessage intent="info" title="No message selected" multiline={false}>
          Select or start a message to add a tracking token.
        </PaneMessage>
      );
    case "read-item":
      return (
        <PaneMessage intent="info" title="This pane works on messages being written">
          Reply, forward or start a new message to add a tracking token. The tokens of a received message are decoded
          in the read pane.
        </PaneMessage>
      );
    case "subject-unreadable":
      return (
        <PaneMessage intent="error" title="The subject could not be read" actions={<Button onClick={notice.onRetry}>Try again</Button>}>
          {notice.reason}
        </PaneMessage>
      );
    case "token-taken":
      return (
        <PaneMessage
          intent="error"
          title="This draft's token belongs to another activity"
          actions={
            <Button appearance="primary" onClick={notice.onRestamp}>
              Stamp with a new number
            </Button>
          }
        >
          {notice.reason}
        </PaneMessage>
      );
    case "cannot-set-subject":
      return (
        <PaneMessage intent="warning" title="This Outlook cannot change the subject">
          This version of Outlook does not let add-ins set a message's subject, so the pane cannot add a token here.
          Use Outlook on the web or on the desktop to add one.
        </PaneMessage>
      );
    case "settings-problems":
      return (
        <PaneMessage intent="warning" title="Some saved settings were not valid">
          Defaults are used for them until you save new ones.
          {notice.problems.map((problem) => (
            <div key={`${problem.field}:${problem.message}`}>{problem.message}</div>
          ))}
        </PaneMessage>
      );
    case "first-run":
      return (
        <PaneMessage intent="info" title="Set your user number to start stamping">
          Without a tracking service, your tokens carry a number of your own. Ask your admin for it, enter it under
          Your user number and save.
        </PaneMessage>
      );
    case "settings-unavailable":
      return (
        <PaneMessage intent="error" title="The settings could not be loaded">
          {notice.reason} Check the network, then open the pane again.
        </PaneMessage>
      );
    case "office-unavailable":
      return (
        <PaneMessage intent="error" title={notice.title ?? "Office is not available"} multiline={false} role="alert">
          {notice.reason}
        </PaneMessage>
      );
  }
}
