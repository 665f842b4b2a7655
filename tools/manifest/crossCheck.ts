/**
 * manifest.xml and manifest.json describe one add-in to different clients (README, "Manifests"):
 * this compares what both must agree on, so an edit to one cannot silently leave the other behind.
 * Both are reduced to the same facts (ManifestFacts); `crossCheckManifests` lists every difference.
 *
 * Compared: the link (the JSON hides the XML add-in by its Id), the version, every absolute URL,
 * the surfaces (compose, read: page, pinning, lowest Mailbox set, icons), the mobile read button
 * (it must open the desktop read pane), the base requirement set, and
 * the send event (event, function, send mode, page, script, requirement set). Not compared: the
 * XML-only surfaces, which the unified manifest leaves to the XML one (MobileFormFactor: Outlook
 * on iOS and Android take the XML manifest only), and the XML add-in's own icons (IconUrl,
 * HighResolutionIconUrl), which the JSON carries as files in its package.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import { compareVersions } from "../../src/core/versions";
import { childElements, descendants, firstChild, ownDescendants } from "./dom";

export type SurfaceFacts = {
  readonly page: string;
  readonly pinnable: boolean;
  readonly minMailbox: string;
  readonly icons: readonly string[];
};

export type SendEventFacts = {
  /** Office's canonical name: OnMessageSend. */
  readonly event: string;
  readonly functionName: string;
  /** As the XML spells it: PromptUser, SoftBlock, Block. */
  readonly sendMode: string;
  readonly page: string;
  readonly script: string | undefined;
  readonly minMailbox: string;
};

export type ManifestFacts = {
  /** The XML add-in's <Id>; for the JSON, the Id of the XML add-in it hides (alternates). */
  readonly xmlAddInId: string | undefined;
  /** Major.minor.patch. */
  readonly version: string;
  readonly baseMailbox: string | undefined;
  readonly urls: ReadonlySet<string>;
  readonly compose: SurfaceFacts | undefined;
  readonly read: SurfaceFacts | undefined;
  readonly sendEvent: SendEventFacts | undefined;
  /** The page Outlook on iOS and Android opens (XML only: MobileMessageReadCommandSurface). */
  readonly mobileReadPage?: string | undefined;
};

/** Event names: the unified manifest's for each of Office's canonical ones (Microsoft, "Supported events"). */
const UNIFIED_EVENT_NAMES: Readonly<Record<string, string>> = { OnMessageSend: "messageSending" };

/** Every difference, each as a sentence that names both sides and what to change. */
export function crossCheckManifests(xml: ManifestFacts, json: ManifestFacts): string[] {
  const problems: string[] = [];
  const differ = (what: string, a: unknown, b: unknown): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      problems.push(`${what} differs: manifest.xml has ${show(a)}, manifest.json has ${show(b)}. Change one to match the other.`);
    }
  };
  if (json.xmlAddInId === undefined || json.xmlAddInId.toLowerCase() !== xml.xmlAddInId?.toLowerCase()) {
    problems.push(
      `manifest.json does not hide the XML add-in: extensions[0].alternates needs { "hide": { "customOfficeAddin": { "officeAddinId": "${xml.xmlAddInId ?? "<the Id in manifest.xml>"}" } } }, or users of both see the buttons twice.`,
    );
  }
  differ("The version", xml.version, json.version);
  differ("The base Mailbox requirement set", xml.baseMailbox, json.baseMailbox);
  for (const url of xml.urls) if (!json.urls.has(url)) problems.push(`${url} is in manifest.xml but not in manifest.json.`);
  for (const url of json.urls) if (!xml.urls.has(url)) problems.push(`${url} is in manifest.json but not in manifest.xml.`);
  for (const surface of ["compose", "read"] as const) {
    const [a, b] = [xml[surface], json[surface]];
    if (a === undefined || b === undefined) {
      if (a !== b) problems.push(`The ${surface} pane is only in manifest.${a === undefined ? "json" : "xml"}.`);
      continue;
    }
    differ(`The ${surface} pane's page`, a.page, b.page);
    differ(`Pinning of the ${surface} pane`, a.pinnable, b.pinnable);
    differ(`The ${surface} button's lowest Mailbox requirement set`, a.minMailbox, b.minMailbox);
    differ(`The ${surface} button's icons`, a.icons, b.icons);
  }
  if (xml.mobileReadPage !== undefined && xml.mobileReadPage !== xml.read?.page) {
    problems.push(`manifest.xml's mobile read button opens ${xml.mobileReadPage}, not the read pane ${xml.read?.page ?? "(none)"}: phones must open the same read pane.`);
  }
  const [a, b] = [xml.sendEvent, json.sendEvent];
  if (a === undefined || b === undefined) {
    if (a !== b) problems.push(`The OnMessageSend event is only in manifest.${a === undefined ? "json" : "xml"}.`);
  } else {
    differ("The send event", a.event, b.event);
    differ("The send handler's function name", a.functionName, b.functionName);
    differ("The send mode", a.sendMode, b.sendMode);
    differ("The send handler's page", a.page, b.page);
    differ("The send handler's script (classic Outlook on Windows)", a.script, b.script);
    differ("The send event's Mailbox requirement set", a.minMailbox, b.minMailbox);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// manifest.xml

export function xmlManifestFacts(text: string): ManifestFacts {
  const root = new DOMParser().parseFromString(text, "text/xml").documentElement;
  if (!root || root.localName !== "OfficeApp") throw new Error("manifest.xml has no <OfficeApp> root.");
  const all = descendants(root);
  const blocks = all.filter((e) => e.localName === "VersionOverrides");
  const urlById = new Map<string, string>();
  for (const e of all) if ((e.localName === "Url" || e.localName === "Image") && e.getAttribute("id")) urlById.set(e.getAttribute("id") ?? "", e.getAttribute("DefaultValue") ?? "");
  // Images only the mobile button shows have no counterpart in the JSON (no mobile surface there).
  const residsUnder = (elements: readonly Element[]): Set<string> => new Set(elements.map((e) => e.getAttribute("resid") ?? "").filter((r) => r !== ""));
  const mobile = all.filter((e) => e.localName === "MobileFormFactor").flatMap((e) => descendants(e));
  const desktopResids = residsUnder(all.filter((e) => !mobile.includes(e)));
  const mobileOnly = [...residsUnder(mobile)].filter((r) => !desktopResids.has(r));
  const urls = new Set<string>();
  for (const e of all) {
    const value = e.getAttribute("DefaultValue") ?? "";
    if (e.localName === "IconUrl" || e.localName === "HighResolutionIconUrl" || mobileOnly.includes(e.getAttribute("id") ?? "")) continue;
    if (/^https:\/\//.test(value)) urls.add(value);
  }
  const mobileLocation = mobile.find((e) => e.localName === "SourceLocation");
  const surface = (type: string): SurfaceFacts | undefined => {
    const found = blocks.flatMap((block) =>
      ownDescendants(block)
        .filter((e) => e.localName === "ExtensionPoint" && e.getAttribute("xsi:type") === type && inDesktop(e))
        .map((point) => ({ point, min: blockMailbox(block) })),
    );
    const first = found[0];
    if (first === undefined) return undefined;
    const elements = found.flatMap(({ point }) => descendants(point));
    const location = elements.find((e) => e.localName === "SourceLocation");
    const icons = descendants(first.point)
      .filter((e) => e.localName === "Image")
      .map((e) => urlById.get(e.getAttribute("resid") ?? "") ?? "");
    return {
      page: urlById.get(location?.getAttribute("resid") ?? "") ?? "",
      pinnable: elements.some((e) => e.localName === "SupportsPinning" && e.textContent?.trim() === "true"),
      minMailbox: lowest(found.map(({ min }) => min)),
      icons,
    };
  };
  const launch = all.find((e) => e.localName === "LaunchEvent");
  let sendEvent: SendEventFacts | undefined;
  if (launch) {
    const block = blocks.find((b) => ownDescendants(b).includes(launch));
    const runtime = all.find((e) => e.localName === "Runtime");
    const override = runtime && childElements(runtime).find((e) => e.localName === "Override" && e.getAttribute("type") === "javascript");
    sendEvent = {
      event: launch.getAttribute("Type") ?? "",
      functionName: launch.getAttribute("FunctionName") ?? "",
      sendMode: launch.getAttribute("SendMode") ?? "SoftBlock",
      page: urlById.get(runtime?.getAttribute("resid") ?? "") ?? "",
      script: override ? urlById.get(override.getAttribute("resid") ?? "") : undefined,
      minMailbox: block ? blockMailbox(block) : "",
    };
  }
  const base = firstChild(root, "Requirements");
  return {
    xmlAddInId: firstChild(root, "Id")?.textContent?.trim(),
    version: (firstChild(root, "Version")?.textContent?.trim() ?? "").split(".").slice(0, 3).join("."),
    baseMailbox: base ? descendants(base).find((e) => e.localName === "Set" && e.getAttribute("Name") === "Mailbox")?.getAttribute("MinVersion") ?? undefined : undefined,
    urls,
    compose: surface("MessageComposeCommandSurface"),
    read: surface("MessageReadCommandSurface"),
    sendEvent,
    mobileReadPage: mobileLocation ? urlById.get(mobileLocation.getAttribute("resid") ?? "") : undefined,
  };
}

function inDesktop(point: Element): boolean {
  return point.parentNode !== null && (point.parentNode as Element).localName === "DesktopFormFactor";
}

function blockMailbox(block: Element): string {
  const sets = childElements(block).find((e) => e.localName === "Requirements");
  return (sets && descendants(sets).find((e) => e.localName === "Sets")?.getAttribute("DefaultMinVersion")) ?? "";
}

// ---------------------------------------------------------------------------------------------
// manifest.json

type Capability = { name?: string; minVersion?: string };
type Requirements = { capabilities?: Capability[] };
type JsonAction = { id?: string; type?: string; pinnable?: boolean };
type JsonRuntime = { requirements?: Requirements; code?: { page?: string; script?: string }; actions?: JsonAction[] };
type JsonControl = { actionId?: string; icons?: { url?: string }[] };
type JsonRibbon = { requirements?: Requirements; contexts?: string[]; tabs?: { groups?: { controls?: JsonControl[] }[] }[] };
type JsonEvent = { type?: string; actionId?: string; options?: { sendMode?: string } };
type JsonExtension = {
  requirements?: Requirements;
  runtimes?: JsonRuntime[];
  ribbons?: JsonRibbon[];
  autoRunEvents?: { requirements?: Requirements; events?: JsonEvent[] }[];
  alternates?: { hide?: { customOfficeAddin?: { officeAddinId?: string } } }[];
};
type JsonManifest = { version?: string; developer?: Record<string, string>; extensions?: JsonExtension[] };

export function jsonManifestFacts(manifest: unknown): ManifestFacts {
  const m = manifest as JsonManifest;
  const extension = m.extensions?.[0] ?? {};
  const runtimes = extension.runtimes ?? [];
  const runtimeOf = (actionId: string | undefined): { runtime: JsonRuntime; action: JsonAction } | undefined => {
    for (const runtime of runtimes) {
      const action = runtime.actions?.find((a) => a.id === actionId);
      if (action) return { runtime, action };
    }
    return undefined;
  };
  const urls = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === "string" && /^https:\/\/.+\/./.test(value)) urls.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(collect);
  };
  collect(m.developer);
  collect(extension);
  const surface = (context: string): SurfaceFacts | undefined => {
    const ribbons = (extension.ribbons ?? []).filter((r) => r.contexts?.includes(context));
    const control = ribbons.flatMap((r) => r.tabs ?? []).flatMap((t) => t.groups ?? []).flatMap((g) => g.controls ?? [])[0];
    const target = runtimeOf(control?.actionId);
    if (ribbons.length === 0 || control === undefined || target === undefined) return undefined;
    return {
      page: target.runtime.code?.page ?? "",
      pinnable: target.action.pinnable === true,
      minMailbox: lowest(ribbons.map((r) => mailbox(r.requirements) ?? "")),
      icons: (control.icons ?? []).map((i) => i.url ?? ""),
    };
  };
  const sends = (extension.autoRunEvents ?? []).flatMap((group) => (group.events ?? []).map((event) => ({ group, event })));
  const send = sends.find(({ event }) => event.type === UNIFIED_EVENT_NAMES.OnMessageSend) ?? sends[0];
  let sendEvent: SendEventFacts | undefined;
  if (send) {
    const target = runtimeOf(send.event.actionId);
    const canonical = Object.entries(UNIFIED_EVENT_NAMES).find(([, name]) => name === send.event.type)?.[0] ?? send.event.type ?? "";
    const mode = send.event.options?.sendMode ?? "softBlock";
    sendEvent = {
      event: canonical,
      functionName: send.event.actionId ?? "",
      sendMode: mode.charAt(0).toUpperCase() + mode.slice(1),
      page: target?.runtime.code?.page ?? "",
      script: target?.runtime.code?.script,
      minMailbox: mailbox(send.group.requirements) ?? mailbox(target?.runtime.requirements) ?? "",
    };
  }
  return {
    xmlAddInId: extension.alternates?.map((a) => a.hide?.customOfficeAddin?.officeAddinId).find((id) => id !== undefined),
    version: m.version ?? "",
    baseMailbox: mailbox(extension.requirements),
    urls,
    compose: surface("mailCompose"),
    read: surface("mailRead"),
    sendEvent,
  };
}

function mailbox(requirements: Requirements | undefined): string | undefined {
  return requirements?.capabilities?.find((c) => c.name === "Mailbox")?.minVersion;
}

function lowest(versions: readonly string[]): string {
  return [...versions].sort(compareVersions)[0] ?? "";
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}
