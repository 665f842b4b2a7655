/**
 * The catalogue's contract and how a message becomes text (docs/DESIGN.md §9). English is the
 * contract: every other catalogue has its keys (a missing one is a type error), and a call site's
 * placeholders are typed from the English text. Numbers, counts and times go through Intl in the
 * user's locale.
 */
import type { en } from "./catalogues/en";
import { textDirection } from "./tags";
import type { LanguageTag } from "./tags";

/** A counted message: one text per plural category of the language (Intl.PluralRules); `other` is required. */
export type PluralForms = { readonly other: string } & { readonly [C in "zero" | "one" | "two" | "few" | "many"]?: string };

type English = typeof en;

/** Keys of plain texts, and of counted ones. */
export type TextKey = { [K in keyof English]: English[K] extends string ? K : never }[keyof English];
export type CountKey = { [K in keyof English]: English[K] extends string ? never : K }[keyof English];

/** What every catalogue must hold: each English key, as text or as plural forms. */
export type Catalogue = { readonly [K in TextKey]: string } & { readonly [K in CountKey]: PluralForms };

/** The names between braces in a text: "Copy {token}" has "token". */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type FormsText<F> = F extends Record<string, infer T> ? T : never;

type Values<Names extends string> = [Names] extends [never] ? [] : [params: { readonly [N in Names]: string | number }];

/** A text's parameters, typed from the English text. */
export type TextParams<K extends TextKey> = Values<Placeholders<English[K]>>;
/** A counted text's parameters besides `count`. */
export type CountParams<K extends CountKey> = Values<Exclude<Placeholders<FormsText<English[K]>>, "count">>;

export type Messages = {
  readonly language: LanguageTag;
  /** The BCP 47 locale Intl formats with (Outlook's display language where it has one). */
  readonly locale: string;
  readonly dir: "ltr" | "rtl";
  text<K extends TextKey>(key: K, ...params: TextParams<K>): string;
  /** The form for `count` in this language, with `{count}` written as a number of the locale. */
  count<K extends CountKey>(key: K, count: number, ...params: CountParams<K>): string;
  /** A number as the locale writes it (grouped from five digits on: 3650, 12,000). */
  number(value: number): string;
  /** "a, b and c" in the locale. */
  list(items: readonly string[]): string;
  /** A date and time in the locale, or undefined for an invalid time. */
  dateTime(epochMs: number): string | undefined;
};

/** Locales Intl cannot use (pseudo-locales, a malformed tag) format as English does. */
function intlLocale(language: LanguageTag, requested: string | undefined): string {
  if (language.startsWith("qps-")) return "en";
  try {
    const [canonical] = Intl.getCanonicalLocales(requested ?? language);
    return canonical ?? language;
  } catch {
    return language;
  }
}

/** Fills `{name}` from `params`; numbers in the locale's digits. An unknown name stays as written. */
function fill(template: string, params: Readonly<Record<string, string | number>> | undefined, number: (value: number) => string): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === "number" ? number(value) : value;
  });
}

/** A value made on first use: an Intl formatter costs its locale's data, tens of milliseconds in a new pane. */
function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * Whether `locale` writes a small whole number exactly as `String` does, so the pane's first render
 * needs no Intl.NumberFormat (its first use loads the locale's number data; docs/BENCHMARKS.md, Panes).
 * True when the locale is one of a catalogue's own languages, which all write Latin digits and
 * group no number below 10,000 ("min2"), with no numbering system asked for (-u-nu-).
 */
function writesLatinDigits(language: LanguageTag, locale: string): boolean {
  const primary = (tag: string) => tag.toLowerCase().split("-")[0];
  return !language.startsWith("qps-") && primary(locale) === primary(language) && !/-u(-\w+)*-nu-/i.test(locale);
}

/** Messages in `language` from its catalogue; `locale` is the user's own tag (e.g. "de-AT"), for Intl. */
export function createMessages(language: LanguageTag, catalogue: Catalogue, locale?: string): Messages {
  const resolved = intlLocale(language, locale);
  // "min2" (Intl.NumberFormat v3): 3650 stays one word, as in a setting's limit; 12,000 is grouped.
  const numbers = onFirstUse(() => new Intl.NumberFormat(resolved, { useGrouping: "min2" } as unknown as Intl.NumberFormatOptions));
  const plurals = onFirstUse(() => new Intl.PluralRules(resolved));
  const lists = onFirstUse(() => new Intl.ListFormat(resolved, { type: "conjunction" }));
  const times = onFirstUse(() => new Intl.DateTimeFormat(resolved, { dateStyle: "medium", timeStyle: "short" }));
  const smallNumbersAsWritten = writesLatinDigits(language, resolved);
  const number = (value: number) => (smallNumbersAsWritten && Number.isInteger(value) && (value > 0 || Object.is(value, 0)) && value < 10_000 ? String(value) : numbers().format(value));
  return {
    language,
    locale: resolved,
    dir: textDirection(language),
    text: (key, ...params) => fill(catalogue[key], params[0], number),
    count: (key, count, ...params) => {
      const forms: PluralForms = catalogue[key];
      const form = forms[plurals().select(count) as keyof PluralForms] ?? forms.other;
      return fill(form, { ...params[0], count }, number);
    },
    number,
    list: (items) => lists().format(items),
    dateTime: (epochMs) => {
      const time = new Date(epochMs);
      return Number.isNaN(time.getTime()) ? undefined : times().format(time);
    },
  };
}
