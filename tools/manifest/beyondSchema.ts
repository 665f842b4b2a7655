/**
 * What only we can check in a manifest, beyond any schema: the Mailbox requirement sets each
 * feature needs, LaunchEvent <-> Runtime, resids that resolve to the right kind of resource, one
 * https host, and icon files that exist under assets/ at the size they claim.
 */
import type { Element } from "@xmldom/xmldom";
import { compareVersions } from "../../src/core/versions";
import { NS, RESOURCE_KINDS, SEND_MODES, type ResourceKind } from "./mailAppSchema";
import {
  ADD_IN_ICON_SIZE,
  LAUNCH_EVENT_MIN_MAILBOX,
  MAX_RESID_LENGTH,
  PINNING_MIN_MAILBOX,
  RESID_KIND,
  RUNTIME_OVERRIDE_TYPE,
  SEND_EVENTS,
  URL_ELEMENTS,
} from "./outlookFacts";
import { ancestors, childElements, descendants, firstChild, ownDescendants } from "./dom";
import { readPngHeader, type PngHeader } from "./pngHeader";
import { describe, type Report } from "./report";

/**
 * Returns the bytes of a file under the add-in's web root (e.g. "assets/icon-32.png"), or
 * undefined when there is no such file.
 */
export type ReadAsset = (relativePath: string) => Uint8Array | undefined;

export function checkBeyondSchema(root: Element, report: Report, readAsset: ReadAsset): void {
  checkRequirements(root, report);
  checkPinning(root, report);
  checkLaunchEvents(root, report);
  const resources = checkResources(root, report);
  const assets = checkUrls(root, report, readAsset);
  checkButtonIconSizes(root, resources, assets, report);
}

// ---------------------------------------------------------------------------------------------
// Requirements

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

// ---------------------------------------------------------------------------------------------
// SupportsPinning

function checkPinning(root: Element, report: Report): void {
  for (const overrides of descendants(root).filter((e) => e.localName === "VersionOverrides")) {
    const type = overrides.getAttributeNS(NS.xsi, "type");
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
