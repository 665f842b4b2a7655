/** The compose pane's messages as Fluent MessageBars; a lazy chunk (Notice.tsx). Renders only. */
import { Button } from "@fluentui/react-components";
import { PaneMessage } from "../shared/PaneMessage";
import { ActionMessage } from "./ActionMessage";
import type { ComposeNotice } from "./composeNotice";
import { useMessages } from "../shared/language";
import { describeError } from "../../languages/settingsProblems";
import { officeProblemText } from "../shared/officeReady";

export function ComposeNoticeView({ notice }: { notice: ComposeNotice }) {
  const m = useMessages();
  switch (notice.kind) {
    case "action":
      return <ActionMessage action={notice.action} onRetry={notice.onRetry} onOpenSettings={notice.onOpenSettings} />;
    case "no-item":
      return (
        <PaneMessage intent="info" title={m.text("notice.noItem.title")} multiline={false}>
          {m.text("notice.noItem.text")}
        </PaneMessage>
      );
    case "read-item":
      return (
        <PaneMessage intent="info" title={m.text("notice.readItem.title")}>
          {m.text("notice.readItem.text")}
        </PaneMessage>
      );
    case "subject-unreadable":
      return (
        <PaneMessage intent="error" title={m.text("notice.subjectUnreadable.title")} actions={<Button onClick={notice.onRetry}>{m.text("action.tryAgain")}</Button>}>
          {notice.reason}
        </PaneMessage>
      );
    case "token-taken":
      return (
        <PaneMessage
          intent="error"
          title={m.text("notice.tokenTaken.title")}
          actions={
            <Button appearance="primary" onClick={notice.onRestamp}>
              {m.text("notice.tokenTaken.restamp")}
            </Button>
          }
        >
          {notice.reason}
        </PaneMessage>
      );
    case "cannot-set-subject":
      return (
        <PaneMessage intent="warning" title={m.text("notice.cannotSetSubject.title")}>
          {m.text("notice.cannotSetSubject.text")}
        </PaneMessage>
      );
    case "settings-problems":
      return (
        <PaneMessage intent="warning" title={m.text("notice.settingsProblems.title")}>
          {m.text("notice.settingsProblems.text")}
          {notice.problems.map((problem, i) => (
            <div key={`${problem.field}:${i}`}>{describeError(m, problem)}</div>
          ))}
        </PaneMessage>
      );
    case "first-run":
      return (
        <PaneMessage intent="info" title={m.text("notice.firstRun.title")}>
          {m.text("notice.firstRun.text")}
        </PaneMessage>
      );
    case "settings-unavailable":
      return (
        <PaneMessage intent="error" title={m.text("notice.settingsUnavailable.title")}>
          {m.text("notice.settingsUnavailable.text", { reason: notice.reason })}
        </PaneMessage>
      );
    case "office-unavailable":
      return (
        <PaneMessage intent="error" title={notice.title === "couldNotStart" ? m.text("pane.couldNotStart") : m.text("office.unavailable")} multiline={false} role="alert">
          {officeProblemText(m, notice.reason)}
        </PaneMessage>
      );
  }
}
