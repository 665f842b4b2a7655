/**
 * What Microsoft's MailApp XSDs say about a manifest (mailAppSchema.ts lists the facts taken from
 * them): well-formed XML, the root, element order and multiplicity, the Id and Version patterns,
 * the VersionOverrides types. No package ships those XSDs with a validator that runs offline on
 * Node 20, so these are checked by hand; what no schema can say is in beyondSchema.ts.
 */
import { DOMParser, ParseError, type Element } from "@xmldom/xmldom";
import { GUID_PATTERN, MAIL_APP_CHILDREN, NESTED_CHILD_ORDER, NS, REQUIRED_MAIL_APP_CHILDREN, VERSION_PATTERN } from "./mailAppSchema";
import { childElements, descendants, firstChild } from "./dom";
import { describe, type ManifestProblemCode, type Report } from "./report";

/** The document's root, or undefined when the XML cannot be trusted (each error reported). */
export function parseManifest(xml: string, report: Report): Element | undefined {
  const errors: { level: string; message: string; line?: number; column?: number }[] = [];
  let root: Element | null = null;
  try {
    const document = new DOMParser({
      onError: (level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) => {
        const { lineNumber: line, columnNumber: column } = context?.locator ?? {};
        // A fatalError is thrown right after this call; the catch below reports it.
        if (level !== "fatalError") errors.push({ level, message, ...(line ? { line } : {}), ...(column ? { column } : {}) });
      },
    }).parseFromString(xml, "text/xml");
    root = document.documentElement;
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const locator = (error.locator ?? {}) as { lineNumber?: number; columnNumber?: number };
    errors.push({
      level: "fatalError",
      message: error.message,
      ...(locator.lineNumber ? { line: locator.lineNumber } : {}),
      ...(locator.columnNumber ? { column: locator.columnNumber } : {}),
    });
  }
  report.checks++;
  for (const { level, message, line, column } of errors) {
    const where = line === undefined ? "" : ` at line ${line}${column === undefined ? "" : `, column ${column}`}`;
    report.add("malformed-xml", `The manifest is not well-formed XML${where}: ${message} (${level}).`, line);
  }
  // Warnings leave a usable document; anything worse, and the tree cannot be trusted.
  if (errors.some((e) => e.level !== "warning")) return undefined;
  return root ?? undefined;
}

/** Runs the schema's checks; false when the root is not a MailApp, so nothing else applies. */
export function checkSchema(root: Element, report: Report, newGuid: () => string): boolean {
  if (!checkRoot(root, report)) return false;
  checkTopLevelOrder(root, report);
  checkId(root, report, newGuid);
  checkVersion(root, report);
  checkNestedOrder(root, report);
  checkVersionOverrideTypes(root, report);
  return true;
}

function checkRoot(root: Element, report: Report): boolean {
  const isOfficeApp = report.expect(
    root.localName === "OfficeApp",
    "wrong-root",
    () => `The root element is <${root.nodeName}>, not <OfficeApp>: this is not an Office add-in manifest.`,
    root,
  );
  if (!isOfficeApp) return false;
  report.expect(
    root.namespaceURI === NS.officeApp,
    "wrong-root",
    () =>
      `<OfficeApp> is in namespace "${root.namespaceURI ?? "(none)"}", not "${NS.officeApp}": ` +
      `set xmlns="${NS.officeApp}" on it.`,
    root,
  );
  const type = root.getAttributeNS(NS.xsi, "type");
  return report.expect(
    type === "MailApp",
    "not-mail-app",
    () =>
      `<OfficeApp> has xsi:type "${type ?? "(none)"}", not "MailApp": an Outlook add-in must be a MailApp ` +
      `(and xsi must be bound to ${NS.xsi}).`,
    root,
  );
}

// ---------------------------------------------------------------------------------------------
// Element order

function checkTopLevelOrder(root: Element, report: Report): void {
  const allowed: readonly string[] = MAIL_APP_CHILDREN;
  const orderText = MAIL_APP_CHILDREN.join(", ");
  const seen = new Map<string, Element>();
  let latest: { index: number; element: Element } | undefined;
  for (const child of childElements(root)) {
    const name = child.localName ?? child.nodeName;
    const index = allowed.indexOf(name);
    const known = report.expect(
      index >= 0,
      "unknown-element",
      () => `${describe(child)} is not an element the MailApp schema allows in <OfficeApp>. Allowed, in order: ${orderText}.`,
      child,
    );
    if (!known) continue;
    const earlier = seen.get(name);
    report.expect(
      earlier === undefined,
      "duplicate-element",
      () => `${describe(child)} appears a second time (first at line ${earlier?.lineNumber ?? "?"}); <OfficeApp> allows one.`,
      child,
    );
    if (earlier) continue;
    seen.set(name, child);
    const before = latest;
    report.expect(
      before === undefined || index > before.index,
      "element-order",
      () =>
        `${describe(child)} is out of order: it must come before ${describe(before!.element)}. ` +
        `<OfficeApp> children go in this order: ${orderText}.`,
      child,
    );
    if (before === undefined || index > before.index) latest = { index, element: child };
  }
  for (const name of REQUIRED_MAIL_APP_CHILDREN) {
    report.expect(
      seen.has(name),
      "missing-element",
      () => `<${name}> is missing: the MailApp schema requires it in <OfficeApp> (order: ${orderText}).`,
      root,
    );
  }
}

/** Checks the known children of nested elements keep their schema order. */
function checkNestedOrder(root: Element, report: Report): void {
  for (const parent of descendants(root)) {
    const key =
      parent.localName === "VersionOverrides" ? (parent.getAttributeNS(NS.xsi, "type") ?? "") : (parent.localName ?? "");
    const order = NESTED_CHILD_ORDER[key];
    if (!order) continue;
    let latest: { index: number; element: Element } | undefined;
    for (const child of childElements(parent)) {
      const index = order.indexOf(child.localName ?? "");
      if (index < 0) continue;
      const before = latest;
      const ok = report.expect(
        before === undefined || index >= before.index,
        "element-order",
        () =>
          `${describe(child)} is out of order in ${describe(parent)}: it must come before ${describe(before!.element)} ` +
          `(order: ${order.join(", ")}).`,
        child,
      );
      if (ok) latest = { index, element: child };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Id, Version, Requirements

/** A child element that must be there and whose text must match `pattern`, each failure with its own message. */
type RequiredText = {
  readonly name: string;
  readonly pattern: RegExp;
  readonly missing: { readonly code: ManifestProblemCode; readonly message: () => string };
  readonly invalid: { readonly code: ManifestProblemCode; readonly message: (value: string, line: string) => string };
};

function checkRequiredText(root: Element, report: Report, { name, pattern, missing, invalid }: RequiredText): void {
  const element = firstChild(root, name);
  report.expect(element !== undefined, missing.code, missing.message, root);
  if (!element) return;
  const value = element.textContent ?? "";
  report.expect(pattern.test(value), invalid.code, () => invalid.message(value, String(element.lineNumber ?? "?")), element);
}

function checkId(root: Element, report: Report, newGuid: () => string): void {
  checkRequiredText(root, report, {
    name: "Id",
    pattern: GUID_PATTERN,
    missing: { code: "id-missing", message: () => `<Id> is missing: add one right after <OfficeApp>, a GUID made once for this add-in, such as ${newGuid()}.` },
    invalid: {
      code: "id-not-guid",
      message: (value, line) =>
        `<Id> (line ${line}) is "${value}", which is not a GUID` +
        (GUID_PATTERN.test(value.trim()) ? " because of the spaces around it" : "") +
        `: use 32 hex digits grouped 8-4-4-4-12, such as ${newGuid()}.`,
    },
  });
}

function checkVersion(root: Element, report: Report): void {
  checkRequiredText(root, report, {
    name: "Version",
    pattern: VERSION_PATTERN,
    missing: { code: "version-invalid", message: () => "<Version> is missing: add one after <Id>, such as <Version>1.0.0.0</Version>." },
    invalid: {
      code: "version-invalid",
      message: (value, line) =>
        `<Version> (line ${line}) is "${value}", which is not a valid version: ` +
        `use one to four dot-separated numbers of at most five digits each, such as 1.0.0.0.`,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// VersionOverrides

function checkVersionOverrideTypes(root: Element, report: Report): void {
  for (const overrides of descendants(root).filter((e) => e.localName === "VersionOverrides")) {
    const nested = overrides.parentNode !== root;
    const type = overrides.getAttributeNS(NS.xsi, "type");
    const [expectedType, expectedNs] = nested
      ? (["VersionOverridesV1_1", NS.overrides1_1] as const)
      : (["VersionOverridesV1_0", NS.overrides1_0] as const);
    report.expect(
      type === expectedType && overrides.namespaceURI === expectedNs,
      "version-overrides-type",
      () =>
        `${describe(overrides)} ${nested ? "nested in VersionOverrides 1.0" : "in <OfficeApp>"} must be ` +
        `xsi:type="${expectedType}" with xmlns="${expectedNs}"; it is xsi:type="${type ?? "(none)"}" ` +
        `in "${overrides.namespaceURI ?? "(no namespace)"}".`,
      overrides,
    );
  }
}
