/** The settings form (docs/DESIGN.md §6): every field labelled, with its own message when invalid. Renders only. */
import { Button, Field, Input, Switch, Textarea } from "@fluentui/react-components";
import { LazySpinner as Spinner } from "./LazySpinner";
import { PaneMessage } from "./PaneMessage";
import { useEffect, useRef } from "react";
import type { CSSProperties, ReactNode } from "react";
import type { Settings } from "../../core/types";
import { sameServiceUrl, SERVICE_OWNED_FIELDS } from "../../core";
import { draftToSave, serviceOwnsFields } from "./settingsDraft";
import type { SettingsDraft, SettingsField } from "./settingsDraft";
import { useSettingsForm } from "./useSettingsForm";
import type { SettingsFormStatus } from "./useSettingsForm";
import { tokenVar } from "./tokenVar";
import { useMessages } from "./language";
import type { Messages } from "../../languages/messages";
import { describeError } from "../../languages/settingsProblems";
import type { ValidationError } from "../../core/types";
import type { SettingsFieldErrors } from "./settingsDraft";

export type SettingsFormProps = {
  /** The settings as saved now: the form starts from them, and Cancel returns to them. */
  saved: Settings;
  /** The tracking service whose deployment `saved` shows (LoadedSettings.managedBy). @default undefined */
  managedBy?: string;
  /** Saves valid settings (SettingsPort.save); a rejection is shown and the input kept. */
  save: (settings: Settings) => Promise<void>;
  /** Called after a successful save. @default undefined */
  onSaved?: (settings: Settings) => void;
  /** Called after Cancel restored the saved values. @default undefined */
  onCancel?: () => void;
  /** The field to focus when the form opens, e.g. "userOrdinal" on the first run. @default undefined */
  focusField?: SettingsField;
  /** The form's accessible name. @default the catalogue's "Settings" */
  label?: string;
  /** Extra controls shown under Save and Cancel (e.g. Clear history). @default undefined */
  children?: ReactNode;
};

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  form: { display: "flex", flexDirection: "column", rowGap: tokenVar("spacingVerticalM") },
  actions: { display: "flex", columnGap: tokenVar("spacingHorizontalS"), alignItems: "center" },
} satisfies Record<string, CSSProperties>;

type TextField = Exclude<SettingsField, "autoStampOnSend" | "prefixHistory" | "trackingEnabled">;

/** The text fields, in the form's order; each has its label (`settings.<field>`) and hint (`settings.<field>.hint`) in the catalogue. */
const TEXT_FIELDS: readonly { field: TextField; numeric: boolean }[] = [
  { field: "userDigits", numeric: true },
  { field: "counterDigits", numeric: true },
  { field: "deploymentBase", numeric: true },
  { field: "userOrdinal", numeric: true },
  { field: "serviceUrl", numeric: false },
  { field: "activeDays", numeric: true },
];

/** Every field, in the form's order: the summary of a refused save names them. */
const FIELD_ORDER: readonly SettingsField[] = ["trackingEnabled", "prefix", "prefixHistory", ...TEXT_FIELDS.map(({ field }) => field), "autoStampOnSend"];

/** Field's props for a message, if any (Field marks the control invalid and describes it by the message). */
function invalid(message: string | undefined): { validationMessage?: string } {
  return message === undefined ? {} : { validationMessage: message };
}

/** Whether the service sets `field` for this draft, and the hint that says so; `heard`: its deployment is known. */
function ownership(m: Messages, draft: SettingsDraft, heard: boolean): (field: SettingsField) => string | undefined {
  if (!serviceOwnsFields(draft)) return () => undefined;
  const hint = heard ? m.text("settings.ownedByService") : m.text("settings.ownedByServiceSoon");
  return (field) => ((SERVICE_OWNED_FIELDS as readonly string[]).includes(field) ? hint : undefined);
}

export function SettingsForm({ saved, managedBy, save, onSaved, onCancel, focusField, label, children }: SettingsFormProps) {
  const m = useMessages();
  const form = useSettingsForm({
    saved,
    save,
    ...(onSaved === undefined ? {} : { onSaved }),
    ...(onCancel === undefined ? {} : { onCancel }),
  });
  const { draft, status, change } = form;
  const fieldErrors = fieldMessages(m, form.fieldErrors);
  const saving = status.status === "saving";
  const heardFromService = managedBy !== undefined && sameServiceUrl(draft.serviceUrl, managedBy);
  const ownedHint = ownership(m, draft, heardFromService);
  // What the service sets shows as saved (it may have changed since the form opened), and cannot be typed over.
  const shown = draftToSave(draft, saved);
  const text = (field: TextField | "prefix") => shown[field];
  // With a service the user number is the one it assigned: shown once known, never typed in.
  const fields = TEXT_FIELDS.filter(({ field }) => field !== "userOrdinal" || !serviceOwnsFields(draft) || (heardFromService && saved.userOrdinal !== null));
  const formRef = useRef<HTMLFormElement>(null);
  const invalidLabels = FIELD_ORDER.filter((field) => fieldErrors[field] !== undefined).map((field) => m.text(`settings.${field}`));

  // A refused save takes the keyboard to the first field to fix: in a narrow pane it may be out of view.
  useEffect(() => {
    if (status.status !== "invalid" && status.status !== "save-failed") return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [status]);

  return (
    <form
      ref={formRef}
      aria-label={label ?? m.text("settings.label")}
      style={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <Field hint={ownedHint("trackingEnabled") ?? m.text("settings.trackingEnabled.hint")} {...invalid(fieldErrors.trackingEnabled)}>
        <Switch
          label={m.text("settings.trackingEnabled")}
          checked={shown.trackingEnabled}
          disabled={ownedHint("trackingEnabled") !== undefined}
          autoFocus={focusField === "trackingEnabled"}
          onChange={(_, data) => change("trackingEnabled", data.checked)}
        />
      </Field>
      <Field
        label={m.text("settings.prefix")}
        hint={ownedHint("prefix") ?? m.text("settings.prefix.hint")}
        {...invalid(fieldErrors.prefix)}
      >
        <Input value={text("prefix")} readOnly={ownedHint("prefix") !== undefined} autoFocus={focusField === "prefix"} onChange={(_, data) => change("prefix", data.value)} />
      </Field>
      <Field
        label={m.text("settings.prefixHistory")}
        hint={ownedHint("prefixHistory") ?? m.text("settings.prefixHistory.hint")}
        {...invalid(fieldErrors.prefixHistory)}
      >
        <Textarea
          value={shown.prefixHistory}
          readOnly={ownedHint("prefixHistory") !== undefined}
          autoFocus={focusField === "prefixHistory"}
          resize="vertical"
          onChange={(_, data) => change("prefixHistory", data.value)}
        />
      </Field>
      {fields.map(({ field, numeric }) => (
        <Field key={field} label={m.text(`settings.${field}`)} hint={ownedHint(field) ?? m.text(`settings.${field}.hint`)} {...invalid(fieldErrors[field])}>
          <Input
            value={text(field)}
            readOnly={ownedHint(field) !== undefined}
            autoFocus={focusField === field}
            {...(numeric ? { inputMode: "numeric" as const } : { type: "url" as const })}
            onChange={(_, data) => change(field, data.value as SettingsDraft[typeof field])}
          />
        </Field>
      ))}
      <Field hint={m.text("settings.autoStampOnSend.hint")} {...invalid(fieldErrors.autoStampOnSend)}>
        <Switch
          label={m.text("settings.autoStampOnSend")}
          checked={draft.autoStampOnSend}
          autoFocus={focusField === "autoStampOnSend"}
          onChange={(_, data) => change("autoStampOnSend", data.checked)}
        />
      </Field>
      <FormStatusMessage status={status} invalidLabels={invalidLabels} />
      <div style={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {m.text("settings.save")}
        </Button>
        <Button type="button" disabledFocusable={saving} onClick={form.cancel}>
          {m.text("settings.cancel")}
        </Button>
        {saving && <Spinner size="tiny" label={m.text("settings.saving")} />}
      </div>
      {children}
    </form>
  );
}

/** Each field's problems in the user's words, one after the other. */
function fieldMessages(m: Messages, errors: SettingsFieldErrors): Partial<Record<SettingsField, string>> {
  const messages: Partial<Record<SettingsField, string>> = {};
  for (const [field, list] of Object.entries(errors) as [SettingsField, readonly ValidationError[]][]) messages[field] = list.map((error) => describeError(m, error)).join(" ");
  return messages;
}

function FormStatusMessage({ status, invalidLabels }: { status: SettingsFormStatus; invalidLabels: readonly string[] }) {
  const m = useMessages();
  switch (status.status) {
    case "editing":
    case "saving":
      return null;
    case "saved":
      return <PaneMessage intent="success" title={m.text("settings.saved")} multiline={false} />;
    case "invalid":
      return (
        <PaneMessage intent="error" title={m.text("settings.notSaved")} multiline={false}>
          {invalidLabels.length > 0 ? m.text("settings.fix", { fields: m.list(invalidLabels) }) : m.text("settings.nothingChanged")}
          {status.otherErrors.map((error, i) => (
            <div key={`${error.field}:${i}`}>{describeError(m, error)}</div>
          ))}
        </PaneMessage>
      );
    case "save-failed":
      return (
        <PaneMessage intent="error" title={m.text("settings.notSaved")} multiline={false}>
          {m.text("settings.saveFailed", { reason: status.reason })}
        </PaneMessage>
      );
  }
}
