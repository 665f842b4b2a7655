/**
 * An offline check of the XML add-in manifest, for what `office-addin-manifest validate` would
 * catch if it could reach Microsoft's service, and for what it never catches (icon files, the
 * one-host rule). Pure but for `readAsset`, which the caller supplies: the CLI reads the disk,
 * tests hand in doctored bytes.
 */
import { DOMParser, ParseError, type Element } from "@xmldom/xmldom";
import {
  ADD_IN_ICON_SIZE,
  GUID_PATTERN,
  LAUNCH_EVENT_MIN_MAILBOX,
  MAIL_APP_CHILDREN,
  MAX_RESID_LENGTH,
  NESTED_CHILD_ORDER,
  NS,
  PINNING_MIN_MAILBOX,
  REQUIRED_MAIL_APP_CHILDREN,
  RESID_KIND,
  RESOURCE_KINDS,
  RUNTIME_OVERRIDE_TYPE,
  SEND_EVENTS,
  SEND_MODES,
  URL_ELEMENTS,
  VERSION_PATTERN,
  type ResourceKind,
} from "./mailAppSchema";
import { ancestors, childElements, descendants, firstChild, ownDescendants } from "./dom";
import { readPngHeader, type PngHeader } from "./pngHeader";

export type ManifestProblemCode =
  | "malformed-xml"
  | "wrong-root"
  | "not-mail-app"
  | "unknown-element"
  | "element-order"
  | "duplicate-element"
  | "missing-element"
  | "id-missing"
  | "id-not-guid"
  | "version-invalid"
  | "requirements-mailbox"
  | "version-overrides-type"
  | "pinning-requirements"
  | "launch-event-invalid"
  | "launch-event-requirements"
  | "launch-event-runtime"
  | "runtime-invalid"
  | "resource-duplicate-id"
  | "resid-too-long"
  | "resid-dangling"
  | "resid-wrong-kind"
  | "url-invalid"
  | "url-not-https"
  | "url-second-host"
  | "icon-outside-assets"
  | "icon-missing"
  | "icon-not-png"
  | "icon-wrong-size";

export type ManifestProblem = {
  /** A stable name for the kind of problem, for tests and tooling. */
  readonly code: ManifestProblemCode;
  /** What is wrong and where, and what to do about it, in a sentence or two. */
  readonly message: string;
  /** The 1-based manifest line the problem is on, when the parser knows it. */
  readonly line?: number;
};

export type ManifestCheckResult = {
  readonly problems: readonly ManifestProblem[];
  /** How many individual checks ran: a sense of coverage for "OK (N checks)". */
  readonly checks: number;
};

/**
 * Returns the bytes of a file under the add-in's web root (e.g. "assets/icon-32.png"), or
 * undefined when there is no such file.
 */
export type ReadAsset = (relativePath: string) => Uint8Array | undefined;

export type CheckManifestOptions = {
  readonly readAsset: ReadAsset;
  /** Makes the example GUID in the "no <Id>" message. @default crypto.randomUUID */
  readonly newGuid?: () => string;
};

export function checkManifest(xml: string, options: CheckManifestOptions): ManifestCheckResult {
  const report = new Report();
  const root = parse(xml, report);
  if (root && checkRoot(root, report)) {
    checkTopLevelOrder(root, report);
    checkId(root, report, options.newGuid ?? (() => globalThis.crypto.randomUUID()));
    checkVersion(root, report);
    checkRequirements(root, report);
    checkNestedOrder(root, report);
    checkVersionOverrides(root, report);
    checkLaunchEvents(root, report);
    const resources = checkResources(root, report);
    const assets = checkUrls(root, report, options.readAsset);
    checkButtonIconSizes(root, resources, assets, report);
  }
  return { problems: report.problems, checks: report.checks };
}

class Report {
  readonly problems: ManifestProblem[] = [];
  checks = 0;

  /** Counts one check; records `message` under `code` when `ok` is false. */
  expect(ok: boolean, code: ManifestProblemCode, message: () => string, at?: Element | number): boolean {
    this.checks++;
    if (!ok) this.add(code, message(), at);
    return ok;
  }

  add(code: ManifestProblemCode, message: string, at?: Element | number): void {
    const line = typeof at === "number" ? at : at?.lineNumber;
    this.problems.push(line === undefined ? { code, message } : { code, message, line });
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing and the root

function parse(xml: string, report: Report): Element | undefined {
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

function checkId(root: Element, report: Report, newGuid: () => string): void {
  const id = firstChild(root, "Id");
  report.expect(
    id !== undefined,
    "id-missing",
    () => `<Id> is missing: add one right after <OfficeApp>, a GUID made once for this add-in, such as ${newGuid()}.`,
    root,
  );
  if (!id) return;
  const value = id.textContent ?? "";
  report.expect(
    GUID_PATTERN.test(value),
    "id-not-guid",
    () =>
      `<Id> (line ${id.lineNumber ?? "?"}) is "${value}", which is not a GUID` +
      (GUID_PATTERN.test(value.trim()) ? " because of the spaces around it" : "") +
      `: use 32 hex digits grouped 8-4-4-4-12, such as ${newGuid()}.`,
    id,
  );
}

function checkVersion(root: Element, report: Report): void {
  const version = firstChild(root, "Version");
  report.expect(
    version !== undefined,
    "version-invalid",
    () => "<Version> is missing: add one after <Id>, such as <Version>1.0.0.0</Version>.",
    root,
  );
  if (!version) return;
  const value = version.textContent ?? "";
  report.expect(
    VERSION_PATTERN.test(value),
    "version-invalid",
    () =>
      `<Version> (line ${version.lineNumber ?? "?"}) is "${value}", which is not a valid version: ` +
      `use one to four dot-separated numbers of at most five digits each, such as 1.0.0.0.`,
    version,
  );
}

function checkRequirements(root: Element, report: Report): void {
  const requirements = firstChild(root, "Requirements");
  if (!requirements) return; // Reported as a missing element.
  report.expect(
    mailboxMinVersion(requirements) !== undefined,
    "requirements-mailbox",
    () =>
      `${describe(requirements)} names no Mailbox requirement set: add <Sets><Set Name="Mailbox" MinVersion="1.1"/></Sets>.`,
    requirements,
  );
}

/** The Mailbox MinVersion a <Requirements> element asks for (the Sets default is 1.1). */
function mailboxMinVersion(requirements: Element): string | undefined {
  for (const sets of childElements(requirements).filter((e) => e.localName === "Sets")) {
    for (const set of childElements(sets).filter((e) => e.localName === "Set")) {
      if (set.getAttribute("Name") === "Mailbox") {
        return set.getAttribute("MinVersion") ?? sets.getAttribute("DefaultMinVersion") ?? "1.1";
      }
    }
  }
  return undefined;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// VersionOverrides

function checkVersionOverrides(root: Element, report: Report): void {
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

    const pinned = ownDescendants(overrides).filter(
      (e) => e.localName === "SupportsPinning" && (e.textContent ?? "").trim() === "true",
    );
    if (pinned.length === 0) continue;
    const first = pinned[0]!;
    if (type !== "VersionOverridesV1_1") {
      report.expect(
        false,
        "pinning-requirements",
        () =>
          `${describe(first)} is in ${describe(overrides)}, but only VersionOverrides 1.1 has SupportsPinning: ` +
          `move the pinnable button into the nested <VersionOverrides xsi:type="VersionOverridesV1_1">.`,
        first,
      );
      continue;
    }
    const requirements = childElements(overrides).find((e) => e.localName === "Requirements");
    const mailbox = requirements ? mailboxMinVersion(requirements) : undefined;
    report.expect(
      mailbox !== undefined && compareVersions(mailbox, PINNING_MIN_MAILBOX) >= 0,
      "pinning-requirements",
      () =>
        `${describe(first)} needs Mailbox ${PINNING_MIN_MAILBOX}, but ${describe(overrides)} requires ` +
        `${mailbox === undefined ? "no Mailbox set" : `Mailbox ${mailbox}`}: set ` +
        `<bt:Sets DefaultMinVersion="${PINNING_MIN_MAILBOX}"><bt:Set Name="Mailbox"/></bt:Sets> in its <Requirements>.`,
      requirements ?? overrides,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Event-based activation: Runtimes and LaunchEvent

function checkLaunchEvents(root: Element, report: Report): void {
  const declaredSends = new Map<string, Element>();
  for (const overrides of descendants(root).filter((e) => e.localName === "VersionOverrides")) {
    const own = ownDescendants(overrides);
    const launchPoints = own.filter((e) => e.localName === "ExtensionPoint" && e.getAttributeNS(NS.xsi, "type") === "LaunchEvent");
    const runtimes = own.filter((e) => e.localName === "Runtime" && (e.parentNode as Element | null)?.localName === "Runtimes");
    if (launchPoints.length === 0 && runtimes.length === 0) continue;

    const v1_1 = overrides.getAttributeNS(NS.xsi, "type") === "VersionOverridesV1_1";
    const first = launchPoints[0] ?? runtimes[0]!;
    if (!v1_1) {
      report.expect(
        false,
        "launch-event-requirements",
        () => `${describe(first)} is in ${describe(overrides)}, but <Runtimes> and LaunchEvent exist only in VersionOverrides 1.1: move them into the nested <VersionOverrides xsi:type="VersionOverridesV1_1">.`,
        first,
      );
      continue;
    }
    const requirements = childElements(overrides).find((e) => e.localName === "Requirements");
    const mailbox = requirements ? mailboxMinVersion(requirements) : undefined;

    const runtimeResids = new Map<string, Element>();
    for (const runtime of runtimes) {
      const resid = runtime.getAttribute("resid");
      const named = report.expect(
        resid !== null && resid !== "",
        "runtime-invalid",
        () => `${describe(runtime)} has no resid: point it at the <bt:Url> of the handler's HTML page.`,
        runtime,
      );
      if (named && resid !== null) runtimeResids.set(resid, runtime);
      for (const override of childElements(runtime).filter((e) => e.localName === "Override")) {
        const type = override.getAttribute("type");
        report.expect(
          type === RUNTIME_OVERRIDE_TYPE && (override.getAttribute("resid") ?? "") !== "",
          "runtime-invalid",
          () =>
            `${describe(override)} must be <Override type="${RUNTIME_OVERRIDE_TYPE}" resid="..."> naming the single JavaScript file ` +
            `that classic Outlook on Windows loads; it has type="${type ?? "(none)"}".`,
          override,
        );
      }
    }

    const usedRuntimes = new Set<string>();
    for (const point of launchPoints) {
      const events = childElements(point)
        .filter((e) => e.localName === "LaunchEvents")
        .flatMap((list) => childElements(list).filter((e) => e.localName === "LaunchEvent"));
      report.expect(
        events.length > 0,
        "launch-event-invalid",
        () => `${describe(point)} declares no event: add <LaunchEvents><LaunchEvent Type="..." FunctionName="..."/></LaunchEvents>.`,
        point,
      );
      for (const event of events) checkLaunchEvent(event, mailbox, requirements ?? overrides, declaredSends, report);

      const source = childElements(point).find((e) => e.localName === "SourceLocation");
      const resid = source?.getAttribute("resid") ?? null;
      const runs = report.expect(
        resid !== null && runtimeResids.has(resid),
        "launch-event-runtime",
        () =>
          source === undefined || resid === null
            ? `${describe(point)} has no <SourceLocation resid="...">: name the <Runtime> its handlers run in.`
            : `${describe(source)} in ${describe(point)} names no <Runtime>: it must use the resid of a <Runtime> in <Runtimes> ` +
              `(${[...runtimeResids.keys()].map((r) => `"${r}"`).join(", ") || "there is none"}).`,
        source ?? point,
      );
      if (runs && resid !== null) usedRuntimes.add(resid);
    }
    for (const [resid, runtime] of runtimeResids) {
      report.expect(
        usedRuntimes.has(resid),
        "launch-event-runtime",
        () => `${describe(runtime)} is not used: no LaunchEvent extension point has <SourceLocation resid="${resid}">.`,
        runtime,
      );
    }
  }
}

function checkLaunchEvent(event: Element, mailbox: string | undefined, requirementsAt: Element, declaredSends: Map<string, Element>, report: Report): void {
  const type = event.getAttribute("Type") ?? "";
  const minimum = LAUNCH_EVENT_MIN_MAILBOX[type];
  const known = report.expect(
    minimum !== undefined,
    "launch-event-invalid",
    () => `${describe(event)} has Type="${type}", which is not an Outlook launch event. Known: ${Object.keys(LAUNCH_EVENT_MIN_MAILBOX).join(", ")}.`,
    event,
  );
  const functionName = event.getAttribute("FunctionName") ?? "";
  report.expect(
    /^[A-Za-z_$][\w$]*$/.test(functionName),
    "launch-event-invalid",
    () => `${describe(event)} has FunctionName="${functionName}": name the function the handler file passes to Office.actions.associate.`,
    event,
  );
  const sendMode = event.getAttribute("SendMode");
  if (sendMode !== null && known) {
    report.expect(
      SEND_EVENTS.includes(type) && SEND_MODES.includes(sendMode),
      "launch-event-invalid",
      () =>
        SEND_EVENTS.includes(type)
          ? `${describe(event)} has SendMode="${sendMode}"; it must be one of ${SEND_MODES.join(", ")}.`
          : `${describe(event)} has a SendMode, which only ${SEND_EVENTS.join(" and ")} take.`,
      event,
    );
  }
  if (SEND_EVENTS.includes(type)) {
    const earlier = declaredSends.get(type);
    report.expect(
      earlier === undefined,
      "launch-event-invalid",
      () => `${describe(event)} declares ${type} a second time (first at line ${earlier?.lineNumber ?? "?"}): Outlook allows one per add-in.`,
      event,
    );
    if (earlier === undefined) declaredSends.set(type, event);
  }
  if (!known || minimum === undefined) return;
  const needed = minimum === "preview" ? undefined : minimum;
  report.expect(
    needed === undefined || (mailbox !== undefined && compareVersions(mailbox, needed) >= 0),
    "launch-event-requirements",
    () =>
      `${describe(event)} needs Mailbox ${needed ?? ""}, but its VersionOverrides requires ${mailbox === undefined ? "no Mailbox set" : `Mailbox ${mailbox}`}: ` +
      `set <bt:Sets DefaultMinVersion="${needed ?? ""}"> (a client below it rejects the block rather than skip the event).`,
    requirementsAt,
  );
}

// ---------------------------------------------------------------------------------------------
// Resources and resids

type ResourceEntry = { readonly kind: ResourceKind; readonly element: Element };
/** Each VersionOverrides element's resources, by id. */
type ResourceTable = Map<Element, Map<string, ResourceEntry[]>>;

function checkResources(root: Element, report: Report): ResourceTable {
  const table: ResourceTable = new Map();
  for (const overrides of descendants(root).filter((e) => e.localName === "VersionOverrides")) {
    const byId = new Map<string, ResourceEntry[]>();
    table.set(overrides, byId);
    const resources = childElements(overrides).find((e) => e.localName === "Resources");
    for (const list of resources ? childElements(resources) : []) {
      if (!isResourceKind(list.localName)) continue;
      const kind = list.localName;
      for (const element of childElements(list)) {
        const id = element.getAttribute("id");
        if (id === null) continue;
        const entries = byId.get(id) ?? [];
        const twin = entries.find((e) => e.kind === kind);
        report.expect(
          twin === undefined,
          "resource-duplicate-id",
          () => `${describe(element)} repeats the id of ${describe(twin!.element)} in <bt:${kind}>: ids must be unique.`,
          element,
        );
        entries.push({ kind, element });
        byId.set(id, entries);
      }
    }
  }

  for (const element of descendants(root)) {
    const resid = element.getAttribute("resid");
    if (resid === null) continue;
    report.expect(
      resid.length <= MAX_RESID_LENGTH,
      "resid-too-long",
      () => `resid "${resid}" on ${describe(element)} has ${resid.length} characters; Office allows at most ${MAX_RESID_LENGTH}.`,
      element,
    );
    const overrides = ancestors(element).find((e) => e.localName === "VersionOverrides");
    const wanted = RESID_KIND[element.localName ?? ""];
    const entries = (overrides ? table.get(overrides)?.get(resid) : undefined) ?? [];
    const wantedText = wanted ? `<${RESOURCE_KINDS[wanted]} id="${resid}"> in <bt:${wanted}>` : `a resource with id="${resid}"`;
    const found = report.expect(
      entries.length > 0,
      "resid-dangling",
      () =>
        `resid "${resid}" on ${describe(element)} does not resolve: ` +
        (overrides
          ? `no ${wantedText} in the <Resources> of ${describe(overrides)}.`
          : "it is outside any <VersionOverrides>, so there are no <Resources> to look in."),
      element,
    );
    if (!found || !wanted) continue;
    const actual = entries[0]!;
    report.expect(
      entries.some((e) => e.kind === wanted),
      "resid-wrong-kind",
      () =>
        `resid "${resid}" on ${describe(element)} points at ${describe(actual.element)} in <bt:${actual.kind}>, ` +
        `but <${element.nodeName}> needs ${wantedText}.`,
      element,
    );
  }
  return table;
}

function isResourceKind(name: string | null): name is ResourceKind {
  return name !== null && Object.hasOwn(RESOURCE_KINDS, name);
}

// ---------------------------------------------------------------------------------------------
// URLs and icon files

type UrlSite = {
  readonly element: Element;
  readonly attribute: "DefaultValue" | "Value";
  readonly value: string;
  /** Why this URL is an image, when it is one. */
  readonly icon?: "button" | "IconUrl" | "HighResolutionIconUrl";
};

/** What an icon URL led to on disk, by URL. */
type AssetTable = Map<string, { readonly path: string; readonly header: PngHeader }>;

function checkUrls(root: Element, report: Report, readAsset: ReadAsset): AssetTable {
  const sites = urlSites(root);
  const hosts: string[] = [];
  const parsed = new Map<UrlSite, URL>();
  for (const site of sites) {
    const url = parseUrl(site.value);
    const valid = report.expect(
      url !== undefined,
      "url-invalid",
      () => `${site.attribute}="${site.value}" on ${describe(site.element)} is not an absolute URL.`,
      site.element,
    );
    if (!valid || !url) continue;
    parsed.set(site, url);
    hosts.push(url.host);
    report.expect(
      url.protocol === "https:",
      "url-not-https",
      () =>
        `${site.value} on ${describe(site.element)} is not https: Outlook loads add-in pages and icons only ` +
        `over https. Use https://${url.host}${url.pathname}.`,
      site.element,
    );
  }

  const host = mostCommon(hosts);
  for (const [site, url] of parsed) {
    report.expect(
      url.host === host,
      "url-second-host",
      () =>
        `${site.value} on ${describe(site.element)} is on host ${url.host}, but the rest of the manifest uses ${host}: ` +
        `serve the pages and icons from one host (a second one would need <AppDomains> and a second certificate).`,
      site.element,
    );
  }

  const assets: AssetTable = new Map();
  const checkedFiles = new Set<string>();
  for (const [site, url] of parsed) {
    if (!site.icon) continue;
    const path = decodeURIComponent(url.pathname).replace(/^\/+/, "");
    const underAssets = report.expect(
      path.startsWith("assets/"),
      "icon-outside-assets",
      () => `The icon ${site.value} on ${describe(site.element)} maps to "${path}", which is not under assets/.`,
      site.element,
    );
    if (!underAssets) continue;
    const bytes = readAsset(path);
    const firstVisit = !checkedFiles.has(path);
    checkedFiles.add(path);
    if (firstVisit) {
      report.expect(
        bytes !== undefined,
        "icon-missing",
        () => `${path} does not exist, but ${describe(site.element)} shows it (${site.value}). Run npx tsx scripts/make-icons.ts.`,
        site.element,
      );
    }
    if (!bytes) continue;
    const header = readPngHeader(bytes);
    assets.set(url.href, { path, header });
    if (firstVisit) checkIconFile(path, header, site, report);
    const required = site.icon === "button" ? undefined : ADD_IN_ICON_SIZE[site.icon];
    if (required !== undefined && header.kind === "png") {
      report.expect(
        header.width === required && header.height === required,
        "icon-wrong-size",
        () =>
          `${describe(site.element)} shows ${path}, which is ${header.width}×${header.height} px, ` +
          `but a mail add-in's <${site.icon}> must be ${required}×${required}.`,
        site.element,
      );
    }
  }
  return assets;
}

/** A PNG, with the size its name promises ("icon-32.png" or "icon-32x32.png" is 32×32). */
function checkIconFile(path: string, header: PngHeader, site: UrlSite, report: Report): void {
  const isPng = report.expect(
    header.kind === "png",
    "icon-not-png",
    () => `${path} (shown by ${describe(site.element)}) is not a PNG: ${header.kind === "not-png" ? header.reason : ""}.`,
    site.element,
  );
  if (!isPng || header.kind !== "png") return;
  const named = /-(\d+)(?:x(\d+))?\.png$/i.exec(path);
  if (!named) return;
  const width = Number(named[1]);
  const height = Number(named[2] ?? named[1]);
  report.expect(
    header.width === width && header.height === height,
    "icon-wrong-size",
    () => `${path} is ${header.width}×${header.height} px but its name says ${width}×${height}.`,
    site.element,
  );
}

/** Each button's <bt:Image size="N"> must show an N×N image. */
function checkButtonIconSizes(root: Element, resources: ResourceTable, assets: AssetTable, report: Report): void {
  for (const image of descendants(root)) {
    if (image.localName !== "Image" || image.parentNode === null) continue;
    const size = image.getAttribute("size");
    const resid = image.getAttribute("resid");
    if (size === null || resid === null) continue;
    const overrides = ancestors(image).find((e) => e.localName === "VersionOverrides");
    const entry = overrides ? resources.get(overrides)?.get(resid)?.find((e) => e.kind === "Images") : undefined;
    const url = parseUrl(entry?.element.getAttribute("DefaultValue") ?? "");
    const asset = url ? assets.get(url.href) : undefined;
    if (!asset || asset.header.kind !== "png") continue; // Reported elsewhere.
    const { width, height } = asset.header;
    // A mobile icon (bt:MobileIconList) is `size` points at `scale` pixels per point.
    const pixels = Number(size) * Number(image.getAttribute("scale") ?? "1");
    report.expect(
      width === pixels && height === pixels,
      "icon-wrong-size",
      () => `${describe(image)} shows ${asset.path}, which is ${width}×${height} px, not ${pixels}×${pixels}.`,
      image,
    );
  }
}

function urlSites(root: Element): UrlSite[] {
  const sites: UrlSite[] = [];
  const add = (element: Element, icon?: UrlSite["icon"]): void => {
    const value = element.getAttribute("DefaultValue");
    if (value !== null) sites.push({ element, attribute: "DefaultValue", value, ...(icon ? { icon } : {}) });
    for (const override of childElements(element).filter((e) => e.localName === "Override")) {
      const overrideValue = override.getAttribute("Value");
      if (overrideValue !== null) {
        sites.push({ element: override, attribute: "Value", value: overrideValue, ...(icon ? { icon } : {}) });
      }
    }
  };
  for (const element of descendants(root)) {
    const name = element.localName ?? "";
    const parent = element.parentNode as Element | null;
    if ((URL_ELEMENTS as readonly string[]).includes(name)) {
      add(element, name === "IconUrl" || name === "HighResolutionIconUrl" ? name : undefined);
    } else if (name === "Image" && parent?.localName === "Images") {
      add(element, "button");
    } else if (name === "Url" && parent?.localName === "Urls") {
      add(element);
    }
  }
  return sites;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The most frequent value; the first seen wins a tie. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/** `<bt:Image size="16" resid="Icon.16x16"> (line 88)`: the element as written, and where. */
function describe(element: Element): string {
  const keys = ["xsi:type", "type", "id", "Name", "Type", "FunctionName", "SendMode", "size", "resid"];
  const attributes = keys
    .map((key) => [key, element.getAttribute(key)] as const)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join("");
  const line = element.lineNumber === undefined ? "" : ` (line ${element.lineNumber})`;
  return `<${element.nodeName}${attributes}>${line}`;
}
