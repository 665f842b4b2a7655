import { Switch } from "@fluentui/react-components";
import { useReducer } from "react";
import type { MailboxModel } from "../model/mailboxModel";

export type AutoStampSwitchProps = {
  model: MailboxModel;
  /** Offline, the mailbox cannot save settings: the switch is disabled, as saving would fail. */
  offline: boolean;
};

/**
 * The user's "Auto-stamp on send" setting, read from the mailbox's roaming settings on every render
 * and written there (as the Settings form in a pane does). Send in the playground runs the
 * add-in's OnMessageSend handler, which reads it.
 */
export function AutoStampSwitch({ model, offline }: AutoStampSwitchProps) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const on = model.settings.read().autoStampOnSend === true;
  return (
    <Switch
      label={on ? "Auto-stamp on send (on: Send adds a token when the subject has none)" : "Auto-stamp on send"}
      checked={on}
      disabled={offline}
      onChange={(_, data) => {
        model.settings.update({ autoStampOnSend: data.checked });
        rerender();
      }}
    />
  );
}
