/**
 * Microsoft's pseudo-locales, made from English by code so they never go stale (docs/DESIGN.md §9):
 * qps-ploc accents every letter and pads each text by about 40 % between brackets, to show
 * hard-coded strings and text cut off; qps-plocm is the same, right to left, for mirrored layout.
 * Placeholders stay as they are, so parameters still fill in.
 */
import type { Catalogue, PluralForms } from "./messages";

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((ch, i) => [ch, [..."àƀçđéƒĝĥíĵķĺɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÍĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"][i] ?? ch]),
);

/** Padding words, as Microsoft's pseudo-localizer adds them: text grows, and its end stays visible. */
const PADDING = "ƥŝéûđö ļöçàļîžàţîöñ ţéẋţ ŵîţĥ àççéñţš àñđ ƥàđđîñĝ";

export function pseudoText(text: string): string {
  // Accent everything but {placeholders}; they are filled in after.
  const accented = text.split(/(\{\w+\})/).map((part, i) => (i % 2 === 1 ? part : [...part].map((ch) => ACCENTED[ch] ?? ch).join(""))).join("");
  const extra = Math.ceil([...text].length * 0.4);
  const padding = extra <= 1 ? "" : ` ${PADDING.repeat(Math.ceil(extra / PADDING.length)).slice(0, extra - 1)}`;
  return `[${accented}${padding}]`;
}

/** The pseudo catalogue of `english`: same keys, same plural forms, each text pseudo-localized. */
export function pseudoCatalogue(english: Catalogue): Catalogue {
  const entries = Object.entries(english).map(([key, value]: [string, string | PluralForms]) => [
    key,
    typeof value === "string" ? pseudoText(value) : Object.fromEntries(Object.entries(value).map(([category, form]) => [category, pseudoText(form)])),
  ]);
  return Object.fromEntries(entries) as Catalogue;
}
