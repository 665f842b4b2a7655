import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle1, Textarea, tokens } from "@fluentui/react-components";
import type { Draft } from "../model/types";
import type { SendStatus } from "../usePlayground";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, height: "100%", boxSizing: "border-box", overflowY: "auto" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export type ComposeFormProps = {
  draft: Draft;
  sendStatus: SendStatus;
  onChange: (patch: Partial<Pick<Draft, "subject" | "to" | "cc" | "body">>) => void;
  onSend: () => void;
  onDiscard: () => void;
};

/** The message being written. Subject is controlled by the model, so setAsync from the pane shows at once. */
export function ComposeForm({ draft, sendStatus, onChange, onSend, onDiscard }: ComposeFormProps) {
  const styles = useStyles();
  return (
    <form
      className={styles.root}
      aria-label={draft.inReplyTo ? "Reply" : "New message"}
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <Subtitle1 as="h2">{draft.inReplyTo ? "Reply" : "New message"}</Subtitle1>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={sendStatus.status === "sending"}>
          Send
        </Button>
        <Button type="button" onClick={onDiscard}>
          Discard
        </Button>
      </div>
      {sendStatus.status === "blocked" && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{sendStatus.reason}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="To">
        <Input value={draft.to} onChange={(_, data) => onChange({ to: data.value })} placeholder="name@example.com; …" />
      </Field>
      <Field label="Cc">
        <Input value={draft.cc} onChange={(_, data) => onChange({ cc: data.value })} />
      </Field>
      <Field label="Subject">
        <Input value={draft.subject} onChange={(_, data) => onChange({ subject: data.value })} />
      </Field>
      <Field label="Message">
        <Textarea value={draft.body} onChange={(_, data) => onChange({ body: data.value })} resize="vertical" rows={14} />
      </Field>
    </form>
  );
}
