/**
 * The catalogues' manifest texts (docs/DESIGN.md §9) in both manifests, so Outlook shows the add-in's
 * name, button labels and tooltips in the user's language: <Override Locale="…"> in manifest.xml,
 * and localizationInfo with one file per language (localization/) for manifest.json. Written by
 * scripts/localize-manifests.ts; a test checks the manifests are what these functions make.
 */
import { de } from "../../src/languages/catalogues/de";
import { en } from "../../src/languages/catalogues/en";
import { es } from "../../src/languages/catalogues/es";
import { fr } from "../../src/languages/catalogues/fr";
import { it } from "../../src/languages/catalogues/it";
import { ja } from "../../src/languages/catalogues/ja";
import { nl } from "../../src/languages/catalogues/nl";
import { ptBR } from "../../src/languages/catalogues/ptBR";
import { zhHans } from "../../src/languages/catalogues/zhHans";
import type { Catalogue } from "../../src/languages/messages";

/** Outlook's locale for each catalogue (the pseudo-locales are for testing, not for the store). */
export const MANIFEST_LOCALES: readonly { readonly locale: string; readonly catalogue: Catalogue }[] = [
  { locale: "de-DE", catalogue: de },
  { locale: "fr-FR", catalogue: fr },
  { locale: "es-ES", catalogue: es },
  { locale: "pt-BR", catalogue: ptBR },
  { locale: "it-IT", catalogue: it },
  { locale: "nl-NL", catalogue: nl },
  { locale: "ja-JP", catalogue: ja },
  { locale: "zh-CN", catalogue: zhHans },
];

type ManifestText = "manifest.name" | "manifest.fullName" | "manifest.shortDescription" | "manifest.description" | "manifest.composeTooltip" | "manifest.readTooltip" | "compose.title";

/** Which catalogue text each manifest.xml element carries. */
const XML_TEXTS: readonly { readonly element: RegExp; readonly key: ManifestText }[] = [
  { element: /<DisplayName DefaultValue="[^"]*"/, key: "manifest.name" },
  { element: /<Description DefaultValue="[^"]*"/, key: "manifest.description" },
  { element: /<bt:String id="Group\.Label" DefaultValue="[^"]*"/g, key: "manifest.name" },
  { element: /<bt:String id="ComposeButton\.Label" DefaultValue="[^"]*"/g, key: "compose.title" },
  { element: /<bt:String id="ReadButton\.Label" DefaultValue="[^"]*"/g, key: "compose.title" },
  { element: /<bt:String id="ComposeButton\.Tooltip" DefaultValue="[^"]*"/g, key: "manifest.composeTooltip" },
  { element: /<bt:String id="ReadButton\.Tooltip" DefaultValue="[^"]*"/g, key: "manifest.readTooltip" },
];

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** manifest.xml with each text's English default and one Override per language. */
export function localizeXml(xml: string): string {
  let out = xml;
  for (const { element, key } of XML_TEXTS) {
    const global = new RegExp(element.source, "g");
    // The element, self-closed or holding earlier Overrides: rewritten whole.
    const whole = new RegExp(`([ \\t]*)(${element.source.replace(/DefaultValue="\[\^"\]\*"/, "")})DefaultValue="[^"]*"(?:/>|>[\\s\\S]*?</(DisplayName|Description|bt:String)>)`, "g");
    if (!global.test(out)) throw new Error(`manifest.xml has no ${element.source}: localize-manifests.ts needs it.`);
    out = out.replace(whole, (_match, indent: string, opening: string) => {
      const tag = /^<([\w:]+)/.exec(opening)?.[1] ?? "";
      const override = tag.startsWith("bt:") ? "bt:Override" : "Override";
      const lines = MANIFEST_LOCALES.map(({ locale, catalogue }) => `${indent}  <${override} Locale="${locale}" Value="${escapeXml(catalogue[key])}"/>`);
      return `${indent}${opening}DefaultValue="${escapeXml(en[key])}">\n${lines.join("\n")}\n${indent}</${tag}>`;
    });
  }
  return out;
}

type Json = Record<string, unknown>;

/** The localization file's keys for each ribbon group and control of manifest.json (the schema's paths). */
function ribbonTexts(manifest: Json): [string, ManifestText][] {
  const texts: [string, ManifestText][] = [];
  const ribbons = ((manifest.extensions as Json[] | undefined)?.[0]?.ribbons as Json[] | undefined) ?? [];
  ribbons.forEach((ribbon, r) =>
    ((ribbon.tabs as Json[] | undefined) ?? []).forEach((tab, t) =>
      ((tab.groups as Json[] | undefined) ?? []).forEach((group, g) => {
        const at = `extensions[0].ribbons[${r}].tabs[${t}].groups[${g}]`;
        texts.push([`${at}.label`, "manifest.name"]);
        ((group.controls as Json[] | undefined) ?? []).forEach((control, c) => {
          const tooltip: ManifestText = JSON.stringify(control).includes("read") ? "manifest.readTooltip" : "manifest.composeTooltip";
          texts.push([`${at}.controls[${c}].label`, "compose.title"], [`${at}.controls[${c}].supertip.title`, "compose.title"], [`${at}.controls[${c}].supertip.description`, tooltip]);
        });
      }),
    ),
  );
  return texts;
}

/** manifest.json naming its languages, and the localization file of each. */
export function localizeJson(manifestText: string): { manifest: string; files: Record<string, string> } {
  const manifest = JSON.parse(manifestText) as Json;
  const files: Record<string, string> = {};
  const ribbons = ribbonTexts(manifest);
  for (const { locale, catalogue } of MANIFEST_LOCALES) {
    const file: Json = {
      $schema: "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json",
      "name.short": catalogue["manifest.name"],
      "name.full": catalogue["manifest.fullName"],
      "description.short": catalogue["manifest.shortDescription"],
      "description.full": catalogue["manifest.description"],
      ...Object.fromEntries(ribbons.map(([at, key]) => [at, catalogue[key]])),
    };
    files[`localization/${locale.toLowerCase()}.json`] = `${JSON.stringify(file, null, 2)}\n`;
  }
  manifest.localizationInfo = {
    defaultLanguageTag: "en-us",
    additionalLanguages: MANIFEST_LOCALES.map(({ locale }) => ({ languageTag: locale.toLowerCase(), file: `localization/${locale.toLowerCase()}.json` })),
  };
  return { manifest: `${JSON.stringify(manifest, null, 2)}\n`, files };
}

