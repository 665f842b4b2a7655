/**
 * The facts of the MailApp manifest schema that the offline check relies on, taken from
 * Microsoft's XSDs (OfficeAppManifestV1_1.xsd, MailAppVersionOverridesV1_0.xsd and _V1_1.xsd,
 * OfficeAppBasicTypesV1_0.xsd). What no XSD says is in outlookFacts.ts.
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

/** The LaunchEventSendMode simple type ([MS-OWEMXML] 2.3.67); SoftBlock when left out. */
export const SEND_MODES: readonly string[] = ["PromptUser", "SoftBlock", "Block"];
