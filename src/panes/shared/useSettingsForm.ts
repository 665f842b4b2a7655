/**
 * The settings form's state and behaviour: the text the user typed, each invalid field's message,
 * Save (validate first; nothing invalid reaches the port) and Cancel (back to what is saved).
 */
import { useCallback, useState } from "react";
import type { Settings, ValidationError } from "../../core/types";
import { checkDraft, draftFromSettings, draftToSave, groupErrors } from "./settingsDraft";
import type { SettingsDraft, SettingsField, SettingsFieldErrors } from "./settingsDraft";

export type SettingsFormStatus =
  | { readonly status: "editing" }
  /** Save found invalid fields: their messages are in `fieldErrors`; nothing was saved. */
  | { readonly status: "invalid"; readonly otherErrors: readonly ValidationError[] }
  | { readonly status: "saving" }
  | { readonly status: "saved" }
  /** The port rejected (too large for roaming settings, offline, ...): the input is kept. */
  | { readonly status: "save-failed"; readonly reason: string };

export type UseSettingsFormOptions = {
  /** The settings as saved now: the form starts from them and Cancel returns to them. */
  readonly saved: Settings;
  /** Saves valid settings (SettingsPort.save). */
  readonly save: (settings: Settings) => Promise<void>;
  /** Called after a save succeeded, with the settings saved. */
  readonly onSaved?: (settings: Settings) => void;
  /** Called after Cancel restored the saved values. */
  readonly onCancel?: () => void;
};

export type SettingsForm = {
  readonly draft: SettingsDraft;
  readonly fieldErrors: SettingsFieldErrors;
  readonly status: SettingsFormStatus;
  change<F extends SettingsField>(field: F, value: SettingsDraft[F]): void;
  submit(): Promise<void>;
  cancel(): void;
};

/** A port's validation rejection (SettingsInvalidError) carries the field errors; use them when present. */
function validationErrorsOf(error: unknown): readonly ValidationError[] | undefined {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.every((e) => typeof (e as ValidationError | null)?.field === "string")
    ? (errors as ValidationError[])
    : undefined;
}

export function useSettingsForm({ saved, save, onSaved, onCancel }: UseSettingsFormOptions): SettingsForm {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(saved));
  const [fieldErrors, setFieldErrors] = useState<SettingsFieldErrors>({});
  const [status, setStatus] = useState<SettingsFormStatus>({ status: "editing" });

  const change = useCallback(<F extends SettingsField>(field: F, value: SettingsDraft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // The message described the old value; the next Save checks the new one.
    setFieldErrors((current) => {
      if (current[field] === undefined) return current;
      const { [field]: _dropped, ...rest } = current;
      return rest;
    });
    setStatus((current) => (current.status === "saved" ? { status: "editing" } : current));
  }, []);

  const submit = useCallback(async () => {
    if (status.status === "saving") return;
    const check = checkDraft(draftToSave(draft, saved), saved);
    if (!check.ok) {
      setFieldErrors(check.fieldErrors);
      setStatus({ status: "invalid", otherErrors: check.otherErrors });
      return;
    }
    setFieldErrors({});
    setStatus({ status: "saving" });
    try {
      await save(check.settings);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (errors !== undefined) setFieldErrors(groupErrors(errors).fieldErrors);
      setStatus({ status: "save-failed", reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    setDraft(draftFromSettings(check.settings));
    setStatus({ status: "saved" });
    onSaved?.(check.settings);
  }, [draft, save, onSaved, status.status, saved]);

  const cancel = useCallback(() => {
    setDraft(draftFromSettings(saved));
    setFieldErrors({});
    setStatus({ status: "editing" });
    onCancel?.();
  }, [saved, onCancel]);

  return { draft, fieldErrors, status, change, submit, cancel };
}
