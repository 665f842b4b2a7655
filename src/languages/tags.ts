/**
 * Which catalogue a user gets (docs/DESIGN.md §9): the exact tag, then the language, then English.
 * Outlook names its UI language with a BCP 47 tag (Office.context.displayLanguage, "de-AT").
 */

/** Every catalogue there is. qps-ploc and qps-plocm are Microsoft's pseudo-locales, made from English by code. */
export const LANGUAGES = ["en", "de", "fr", "es", "pt-BR", "it", "nl", "ja", "zh-Hans", "qps-ploc", "qps-plocm"] as const;

export type LanguageTag = (typeof LANGUAGES)[number];

/** The language nobody is left without: every other catalogue falls back to it. */
export const FALLBACK_LANGUAGE: LanguageTag = "en";

/**
 * Each catalogue by its lower-case tag, and the tags that reach another catalogue than their own
 * language's: Chinese written in Simplified characters (zh-CN, zh-SG, zh-Hans-…); Portuguese of
 * Portugal, which reads Brazilian Portuguese far more easily than English; Microsoft's older name of
 * its mirrored pseudo-locale. Traditional Chinese (zh-TW, zh-HK, zh-Hant) has no catalogue and gets
 * English, not Simplified characters: the user's choice of script is deliberate.
 */
const BY_TAG: ReadonlyMap<string, LanguageTag> = new Map([
  ...LANGUAGES.map((language): [string, LanguageTag] => [language.toLowerCase(), language]),
  ["zh", "zh-Hans"],
  ["zh-cn", "zh-Hans"],
  ["zh-sg", "zh-Hans"],
  ["zh-tw", "en"],
  ["zh-hk", "en"],
  ["zh-mo", "en"],
  ["zh-hant", "en"],
  ["pt", "pt-BR"],
  ["qps-mirr", "qps-plocm"],
]);

/** The catalogue for `requested` (any case, "_" or "-"): the exact tag, else its longest known prefix (de-AT: de), else English. */
export function chooseLanguage(requested: string | null | undefined): LanguageTag {
  const subtags = (requested ?? "").trim().replace(/_/g, "-").toLowerCase().split("-");
  for (let n = subtags.length; n >= 1; n--) {
    const language = BY_TAG.get(subtags.slice(0, n).join("-"));
    if (language !== undefined) return language;
  }
  return FALLBACK_LANGUAGE;
}

/** Right-to-left catalogues: the pane root gets dir="rtl" and Fluent mirrors its components. */
export function textDirection(language: LanguageTag): "ltr" | "rtl" {
  return language === "qps-plocm" ? "rtl" : "ltr";
}

/**
 * The locale Outlook wrote into the pane's URL, before Office.js has loaded: Outlook adds
 * `_host_Info=Outlook|Web|16.01|en-US|…` (`$` between the parts on some clients) to the query or hash.
 */
export function hostInfoLocale(url: string): string | undefined {
  const match = /[?&#]_host_Info=([^&#]*)/i.exec(url);
  if (match?.[1] === undefined) return undefined;
  let info: string;
  try {
    info = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  const locale = info.split(/[|$]/)[3];
  return locale !== undefined && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined;
}
