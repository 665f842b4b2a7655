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
 * Tags that reach a catalogue other than their own language's: Chinese written in Simplified
 * characters (zh-CN, zh-SG, zh-Hans-…), Portuguese of Portugal, which reads Brazilian Portuguese far
 * more easily than English, and Microsoft's older spelling of its mirrored pseudo-locale.
 */
const ALIASES: Readonly<Record<string, LanguageTag>> = {
  zh: "zh-Hans",
  "zh-cn": "zh-Hans",
  "zh-sg": "zh-Hans",
  "zh-hans": "zh-Hans",
  pt: "pt-BR",
  "pt-pt": "pt-BR",
  "qps-mirr": "qps-plocm",
};

/** Traditional Chinese has no catalogue: English, not Simplified characters (the user's choice of script is deliberate). */
const TRADITIONAL_CHINESE = /^zh-(hant|tw|hk|mo)(-|$)/;

/** The catalogue for `requested` (any case, "_" or "-"): exact tag, alias, language, then English. */
export function chooseLanguage(requested: string | null | undefined): LanguageTag {
  const tag = (requested ?? "").trim().replace(/_/g, "-").toLowerCase();
  if (tag === "") return FALLBACK_LANGUAGE;
  const exact = LANGUAGES.find((language) => language.toLowerCase() === tag);
  if (exact !== undefined) return exact;
  if (TRADITIONAL_CHINESE.test(tag)) return FALLBACK_LANGUAGE;
  // Longest first: "zh-hans-cn" is "zh-hans" before it is "zh".
  const subtags = tag.split("-");
  for (let n = subtags.length; n >= 1; n--) {
    const prefix = subtags.slice(0, n).join("-");
    const alias = ALIASES[prefix];
    if (alias !== undefined) return alias;
    const language = LANGUAGES.find((candidate) => candidate.toLowerCase() === prefix);
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
