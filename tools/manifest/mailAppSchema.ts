/**
 * The facts of the MailApp manifest schema that the offline check relies on, taken from
 * Microsoft's XSDs (OfficeAppManifestV1_1.xsd, MailAppVersionOverridesV1_0.xsd and _V1_1.xsd,
 * OfficeAppBasicTypesV1_0.xsd) and the element reference on learn.microsoft.com.
 */

export const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides1_0: "http://schemas.microsoft.com/office/mailappversionoverrides",
  overrides1_1: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
  signature: "http://www.w3.org/2000/09/xmldsig#",
} as const;

/** The children of `<OfficeApp xsi:type="MailApp">`, in the only order the schema accepts. */
export const MAIL_APP_CHILDREN = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "FormSettings",
  "Permissions",
  "Rule",
  "DisableEntityHighlighting",
  "VersionOverrides",
  "Signature",
] as const;

export type MailAppChild = (typeof MAIL_APP_CHILDREN)[number];

/** minOccurs="1" in the schema. <Id> and <Version> have checks of their own. */
export const REQUIRED_MAIL_APP_CHILDREN: readonly MailAppChild[] = [
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "Requirements",
  "FormSettings",
  "Rule",
];

/**
 * The relative order of known children inside nested elements, keyed by the parent's local name
 * (VersionOverrides by its xsi:type). Children not listed are left alone: the later schemas add
 * elements whose place this check does not claim to know.
 */
export const NESTED_CHILD_ORDER: Readonly<Record<string, readonly string[]>> = {
  VersionOverridesV1_0: ["Description", "Requirements", "Hosts", "Resources", "VersionOverrides"],
  VersionOverridesV1_1: ["Description", "Requirements", "Hosts", "Resources"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Host: ["Runtimes", "DesktopFormFactor", "MobileFormFactor"],
  Runtimes: ["Runtime"],
  Runtime: ["Override"],
  // A LaunchEvent extension point; command surfaces have other children, which are not listed.
  ExtensionPoint: ["LaunchEvents", "SourceLocation"],
  DesktopFormFactor: ["FunctionFile", "ExtensionPoint"],
  MobileFormFactor: ["FunctionFile", "ExtensionPoint"],
  Group: ["Label", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Action: ["SourceLocation", "SupportsPinning", "SupportsNoItemContext", "SupportsMultiSelect"],
  Form: ["DesktopSettings", "TabletSettings", "PhoneSettings"],
  DesktopSettings: ["SourceLocation", "RequestedHeight"],
};

/** The UUID simple type: a GUID, bare, braced, or as a urn:uuid. */
export const GUID_PATTERN =
  /^(?:(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

/** The Version simple type: one to four dot-separated numbers of one to five digits each. */
export const VERSION_PATTERN = /^[0-9]{1,5}(?:\.[0-9]{1,5}){0,3}$/;

/** The resource lists inside <Resources>, and the element each one holds. */
export const RESOURCE_KINDS = {
  Images: "bt:Image",
  Urls: "bt:Url",
  ShortStrings: "bt:String",
  LongStrings: "bt:String",
} as const;

export type ResourceKind = keyof typeof RESOURCE_KINDS;

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

/** The LaunchEventSendMode simple type ([MS-OWEMXML] 2.3.67); SoftBlock when left out. */
export const SEND_MODES: readonly string[] = ["PromptUser", "SoftBlock", "Block"];

/** The only <Override type> a mail <Runtime> takes: the JavaScript file for classic Outlook on Windows. */
export const RUNTIME_OVERRIDE_TYPE = "javascript";
