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
  /** The form's accessible name. @default "Settings" */
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

/** Label and hint of each text field, in the form's order. */
const TEXT_FIELDS: readonly { field: TextField; label: string; hint: string; numeric: boolean }[] = [
  { field: "userDigits", label: "User digits", hint: "Width of the user part of a token, 1-10. Applies to new tokens.", numeric: true },
  { field: "counterDigits", label: "Counter digits", hint: "Width of the activity counter, 1-9. More digits: the counter wraps less often.", numeric: true },
  { field: "deploymentBase", label: "Deployment base", hint: "Added to each user number, e.g. 500 for a second deployment. Usually 0.", numeric: true },
  {
    field: "userOrdinal",
    label: "Your user number",
    hint: "Your number in this deployment, from 1 (ask your admin). Your tokens carry deployment base + this number.",
    numeric: true,
  },
  { field: "serviceUrl", label: "Service URL", hint: "Your team's tracking service (https://…). Leave empty to keep the counter in your mailbox.", numeric: false },
  { field: "activeDays", label: "Active days", hint: "A sent message stays active this many days: its number is skipped when the counter wraps.", numeric: true },
];

/** Every field's label, in the form's order: the summary of a refused save names them. */
const FIELD_LABELS: readonly { field: SettingsField; label: string }[] = [
  { field: "trackingEnabled", label: "Tracking tokens" },
  { field: "prefix", label: "Prefix" },
  { field: "prefixHistory", label: "Earlier prefixes" },
  ...TEXT_FIELDS,
  { field: "autoStampOnSend", label: "Stamp on send" },
];

/** Field's props for a message, if any (Field marks the control invalid and describes it by the message). */
function invalid(message: string | undefined): { validationMessage?: string } {
  return message === undefined ? {} : { validationMessage: message };
}

/** Whether the service sets `field` for this draft, and the hint that says so; `heard`: its deployment is known. */
function ownership(draft: SettingsDraft, heard: boolean): (field: SettingsField) => string | undefined {
  if (!serviceOwnsFields(draft)) return () => undefined;
  const hint = heard
    ? "Set by your tracking service for everyone in your team; your admin changes it there."
    : "Set by your tracking service when it first answers; until then this value stays as it is.";
  return (field) => ((SERVICE_OWNED_FIELDS as readonly string[]).includes(field) ? hint : undefined);
}

export function SettingsForm({ saved, managedBy, save, onSaved, onCancel, focusField, label = "Settings", children }: SettingsFormProps) {
  const form = useSettingsForm({
    saved,
    save,
    ...(onSaved === undefined ? {} : { onSaved }),
    ...(onCancel === undefined ? {} : { onCancel }),
  });
  const { draft, fieldErrors, status, change } = form;
  const saving = status.status === "saving";
  const heardFromService = managedBy !== undefined && sameServiceUrl(draft.serviceUrl, managedBy);
  const ownedHint = ownership(draft, heardFromService);
  // What the service sets shows as saved (it may have changed since the form opened), and cannot be typed over.
  const shown = draftToSave(draft, saved);
  const text = (field: TextField | "prefix") => shown[field];
  // With a service the user number is the one it assigned: shown once known, never typed in.
  const fields = TEXT_FIELDS.filter(({ field }) => field !== "userOrdinal" || !serviceOwnsFields(draft) || (heardFromService && saved.userOrdinal !== null));
  const formRef = useRef<HTMLFormElement>(null);
  const invalidLabels = FIELD_LABELS.filter(({ field }) => fieldErrors[field] !== undefined).map(({ label: fieldLabel }) => fieldLabel);

  // A refused save takes the keyboard to the first field to fix: in a narrow pane it may be out of view.
  useEffect(() => {
    if (status.status !== "invalid" && status.status !== "save-failed") return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [status]);

  return (
    <form
      ref={formRef}
      aria-label={label}
      style={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <Field hint={ownedHint("trackingEnabled") ?? "Off: nothing is stamped, not even on send; tokens in received mail are still explained."} {...invalid(fieldErrors.trackingEnabled)}>
        <Switch
          label="Tracking tokens"
          checked={shown.trackingEnabled}
          disabled={ownedHint("trackingEnabled") !== undefined}
          autoFocus={focusField === "trackingEnabled"}
          onChange={(_, data) => change("trackingEnabled", data.checked)}
        />
      </Field>
      <Field
        label="Prefix"
        hint={ownedHint("prefix") ?? 'Starts every token, e.g. "CRM:". 1-20 characters, no spaces, not ending in a digit. When you change it, the old one is kept as an earlier prefix.'}
        {...invalid(fieldErrors.prefix)}
      >
        <Input value={text("prefix")} readOnly={ownedHint("prefix") !== undefined} autoFocus={focusField === "prefix"} onChange={(_, data) => change("prefix", data.value)} />
      </Field>
      <Field
        label="Earlier prefixes"
        hint={ownedHint("prefixHistory") ?? "Prefixes this deployment used before, one per line or separated by commas. Their tokens are still yours."}
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
      {fields.map(({ field, label: fieldLabel, hint, numeric }) => (
        <Field key={field} label={fieldLabel} hint={ownedHint(field) ?? hint} {...invalid(fieldErrors[field])}>
          <Input
            value={text(field)}
            readOnly={ownedHint(field) !== undefined}
            autoFocus={focusField === field}
            {...(numeric ? { inputMode: "numeric" as const } : { type: "url" as const })}
            onChange={(_, data) => change(field, data.value as SettingsDraft[typeof field])}
          />
        </Field>
      ))}
      <Field hint="Adds a token when you send a message that has none." {...invalid(fieldErrors.autoStampOnSend)}>
        <Switch
          label="Stamp on send"
          checked={draft.autoStampOnSend}
          autoFocus={focusField === "autoStampOnSend"}
          onChange={(_, data) => change("autoStampOnSend", data.checked)}
        />
      </Field>
      <FormStatusMessage status={status} invalidLabels={invalidLabels} />
      <div style={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Save
        </Button>
        <Button type="button" disabledFocusable={saving} onClick={form.cancel}>
          Cancel
        </Button>
        {saving && <Spinner size="tiny" label="Saving…" />}
      </div>
      {children}
    </form>
  );
}

function FormStatusMessage({ status, invalidLabels }: { status: SettingsFormStatus; invalidLabels: readonly string[] }) {
  switch (status.status) {
    case "editing":
    case "saving":
      return null;
    case "saved":
      return <PaneMessage intent="success" title="Settings saved" multiline={false} />;
    case "invalid":
      return (
        <PaneMessage intent="error" title="Settings not saved" multiline={false}>
          {invalidLabels.length > 0 ? `Fix ${invalidLabels.join(", ")}; nothing was changed.` : "Nothing was changed."}
          {status.otherErrors.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </PaneMessage>
      );
    case "save-failed":
      return (
        <PaneMessage intent="error" title="Settings not saved" multiline={false}>
          {status.reason} Your changes are still here; try Save again.
        </PaneMessage>
      );
  }
}
