/**
 * What the manifest check relies on that no XSD says: Microsoft's element reference (resid
 * lengths, icon sizes, which resource a resid names) and the Mailbox requirement set each feature
 * needs. The schema's own facts are in mailAppSchema.ts.
 */
import type { ResourceKind } from "./mailAppSchema";

/** Which list a `resid` must point into, by the local name of the element that carries it. */
export const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  Override: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

/** The Action element docs: a resid "can be no more than 32 characters". */
export const MAX_RESID_LENGTH = 32;

/** Top-level elements whose DefaultValue is a URL. */
export const URL_ELEMENTS = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"] as const;

/** The pixel size Microsoft's element reference requires of a mail add-in's own icons. */
export const ADD_IN_ICON_SIZE: Readonly<Record<string, number>> = {
  IconUrl: 64,
  HighResolutionIconUrl: 128,
};

/** SupportsPinning and ItemChanged arrived in Mailbox 1.5; only VersionOverrides 1.1 has the element. */
export const PINNING_MIN_MAILBOX = "1.5";

/**
 * Event-based activation (Microsoft, "Activate add-ins with events"): the Outlook events an XML
 * manifest's <LaunchEvent Type> may name, with the Mailbox set each needs. "preview" events run
 * only with the beta API. The LaunchEvent and Runtimes elements exist only in VersionOverrides 1.1.
 */
export const LAUNCH_EVENT_MIN_MAILBOX: Readonly<Record<string, string>> = {
  OnNewMessageCompose: "1.10",
  OnNewAppointmentOrganizer: "1.10",
  OnMessageAttachmentsChanged: "1.11",
  OnAppointmentAttachmentsChanged: "1.11",
  OnMessageRecipientsChanged: "1.11",
  OnAppointmentAttendeesChanged: "1.11",
  OnAppointmentTimeChanged: "1.11",
  OnAppointmentRecurrenceChanged: "1.11",
  OnInfoBarDismissClicked: "1.11",
  OnMessageSend: "1.12",
  OnAppointmentSend: "1.12",
  OnMessageCompose: "1.12",
  OnAppointmentOrganizer: "1.12",
  OnMessageFromChanged: "1.13",
  OnAppointmentFromChanged: "1.13",
  OnSensitivityLabelChanged: "1.13",
  OnMessageReadWithCustomAttachment: "preview",
  OnMessageReadWithCustomHeader: "preview",
};

/** The send events: the only ones SendMode applies to, and each may be declared once. */
export const SEND_EVENTS: readonly string[] = ["OnMessageSend", "OnAppointmentSend"];

/** The only <Override type> a mail <Runtime> takes: the JavaScript file for classic Outlook on Windows. */
export const RUNTIME_OVERRIDE_TYPE = "javascript";
