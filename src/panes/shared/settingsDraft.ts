/**
 * The settings form's text values and their way to and from Settings. Numbers stay text while the
 * user types; anything that is not a plain whole number is passed on as typed, so validateSettings
 * names it in its message ("got \"3.5\"").
 */
import { keepEarlierPrefix, numberingMode, SERVICE_OWNED_FIELDS, SETTINGS_FIELDS, validateSettings } from "../../core";
import type { Settings, ValidationError } from "../../core/types";

export type SettingsDraft = {
  readonly trackingEnabled: boolean;
  readonly prefix: string;
  /** Earlier prefixes, one per line or separated by commas. */
  readonly prefixHistory: string;
  readonly userDigits: string;
  readonly counterDigits: string;
  readonly deploymentBase: string;
  /** "" while the user number is not set. */
  readonly userOrdinal: string;
  readonly serviceUrl: string;
  readonly activeDays: string;
  readonly autoStampOnSend: boolean;
};

export type SettingsField = keyof Settings;

/** One message per invalid field (several problems of one field are joined). */
/** Each field's problems (codes; the form words them in the user's language). */
export type SettingsFieldErrors = Partial<Record<SettingsField, readonly ValidationError[]>>;

export type DraftCheck =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly fieldErrors: SettingsFieldErrors; readonly otherErrors: readonly ValidationError[] };

export function draftFromSettings(settings: Settings): SettingsDraft {
  return {
    trackingEnabled: settings.trackingEnabled,
    prefix: settings.prefix,
    prefixHistory: settings.prefixHistory.join("\n"),
    userDigits: String(settings.userDigits),
    counterDigits: String(settings.counterDigits),
    deploymentBase: String(settings.deploymentBase),
    userOrdinal: settings.userOrdinal === null ? "" : String(settings.userOrdinal),
    serviceUrl: settings.serviceUrl,
    activeDays: String(settings.activeDays),
    autoStampOnSend: settings.autoStampOnSend,
  };
}

function wholeNumberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^[+-]?[0-9]+$/.test(trimmed) ? Number(trimmed) : text;
}

/** The draft as the plain object validateSettings checks. */
export function settingsInput(draft: SettingsDraft): Record<SettingsField, unknown> {
  return {
    trackingEnabled: draft.trackingEnabled,
    prefix: draft.prefix,
    prefixHistory: draft.prefixHistory
      .split(/[\n,]/)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ""),
    userDigits: wholeNumberOrText(draft.userDigits),
    counterDigits: wholeNumberOrText(draft.counterDigits),
    deploymentBase: wholeNumberOrText(draft.deploymentBase),
    userOrdinal: draft.userOrdinal.trim() === "" ? null : wholeNumberOrText(draft.userOrdinal),
    serviceUrl: draft.serviceUrl,
    activeDays: wholeNumberOrText(draft.activeDays),
    autoStampOnSend: draft.autoStampOnSend,
  };
}

/** The form field an error belongs to: "prefixHistory[1]" belongs to the prefix history field. */
export function fieldOfError(field: string): SettingsField | undefined {
  const name = /^[A-Za-z]+/.exec(field)?.[0];
  return (SETTINGS_FIELDS as readonly string[]).includes(name ?? "") ? (name as SettingsField) : undefined;
}

/** Groups validation errors by form field; errors of no field (e.g. "settings") are kept apart. */
export function groupErrors(errors: readonly ValidationError[]): { fieldErrors: SettingsFieldErrors; otherErrors: ValidationError[] } {
  const fieldErrors: SettingsFieldErrors = {};
  const otherErrors: ValidationError[] = [];
  for (const error of errors) {
    const field = fieldOfError(error.field);
    if (field === undefined) otherErrors.push(error);
    else fieldErrors[field] = [...(fieldErrors[field] ?? []), error];
  }
  return { fieldErrors, otherErrors };
}

/** `saved`: the settings saved now; a changed prefix keeps the saved one as an earlier prefix (docs/NUMBERING.md). */
export function checkDraft(draft: SettingsDraft, saved?: Pick<Settings, "prefix">): DraftCheck {
  const input = settingsInput(draft);
  const result = validateSettings(saved === undefined ? input : keepEarlierPrefix(saved, input));
  return result.ok ? { ok: true, settings: result.settings } : { ok: false, ...groupErrors(result.errors) };
}

/** With a service URL the service sets these fields (docs/NUMBERING.md): the form shows them read-only. */
export function serviceOwnsFields(draft: Pick<SettingsDraft, "serviceUrl">): boolean {
  // Only a URL that will be saved hands them over: while it is invalid the form is still standalone.
  return numberingMode(draft.serviceUrl).kind === "service" && validateSettings({ serviceUrl: draft.serviceUrl }).ok;
}

/** The draft as it may be saved (and is shown): with a service URL, the service-owned fields keep their saved values. */
export function draftToSave(draft: SettingsDraft, saved: Settings): SettingsDraft {
  if (!serviceOwnsFields(draft)) return draft;
  const fromSaved = draftFromSettings(saved);
  const kept: Record<string, unknown> = { ...draft };
  for (const field of SERVICE_OWNED_FIELDS) kept[field] = fromSaved[field];
  return kept as SettingsDraft;
}
