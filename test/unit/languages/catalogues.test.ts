/** Every catalogue is complete and consistent with English (docs/DESIGN.md §9). */
import { en } from "../../../src/languages/catalogues/en";
import type { PluralForms } from "../../../src/languages/messages";
import { pseudoText } from "../../../src/languages/pseudo";
import fc from "fast-check";
import { createMessages } from "../../../src/languages/messages";
import { chooseLanguage, LANGUAGES } from "../../../src/languages/tags";
import { CATALOGUES, messagesIn } from "./catalogues";

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
const texts = (entry: string | PluralForms): string[] => (typeof entry === "string" ? [entry] : Object.values(entry));
const namesOf = (entry: string | PluralForms): string[] => [...new Set(texts(entry).flatMap(placeholders))].sort();
const translations = LANGUAGES.filter((language) => language !== "en");

describe("catalogues", () => {
  it.each(translations)("%s has exactly the English keys", (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(translations)("%s keeps each text's placeholders, and no text is left empty", (language) => {
    const catalogue = CATALOGUES[language] as Record<string, string | PluralForms>;
    for (const [key, english] of Object.entries(en) as [string, string | PluralForms][]) {
      const translated = catalogue[key];
      if (translated === undefined) throw new Error(`${language} lacks ${key}`);
      expect([key, namesOf(translated)]).toEqual([key, namesOf(english)]);
      expect([key, typeof translated]).toEqual([key, typeof english]);
      for (const text of texts(translated)) expect([key, text.trim().length > 0]).toEqual([key, true]);
    }
  });

  it.each(translations.filter((language) => !language.startsWith("qps-")))("%s is translated, not English left in place", (language) => {
    const catalogue = CATALOGUES[language] as Record<string, string | PluralForms>;
    const same = Object.entries(en).filter(([key, english]) => typeof english === "string" && english.length > 25 && catalogue[key] === english);
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it.each(LANGUAGES)("%s gives each counted text the plural forms its language has, and none it lacks", (language) => {
    const categories = new Intl.PluralRules(messagesIn(language).locale).resolvedOptions().pluralCategories as string[];
    for (const [key, entry] of Object.entries(CATALOGUES[language]) as [string, string | PluralForms][]) {
      if (typeof entry === "string") continue;
      const given = Object.keys(entry);
      // "many" (French, Spanish, Italian, Portuguese: millions) may fall back to "other".
      const needed = categories.filter((category) => category !== "many");
      expect([key, needed.filter((category) => !given.includes(category))]).toEqual([key, []]);
      expect([key, given.filter((category) => !categories.includes(category))]).toEqual([key, []]);
    }
  });
});

describe("plurals and numbers, in the user's locale", () => {
  it.each<[string, number, string]>([
    ["en", 0, "0 offline activities waiting to sync"],
    ["en", 1, "1 offline activity waiting to sync"],
    ["en", 2, "2 offline activities waiting to sync"],
    // French counts 0 and 1 as singular.
    ["fr", 0, "0 activité hors connexion en attente de synchronisation"],
    ["fr", 1, "1 activité hors connexion en attente de synchronisation"],
    ["fr", 2, "2 activités hors connexion en attente de synchronisation"],
    ["de", 1, "1 Offlineaktivität wartet auf die Synchronisierung"],
    ["de", 12000, "12.000 Offlineaktivitäten warten auf die Synchronisierung"],
    // Japanese and Chinese have one form for every count.
    ["ja", 1, "1 件のオフライン アクティビティが同期を待っています"],
    ["ja", 5, "5 件のオフライン アクティビティが同期を待っています"],
    ["zh-Hans", 1, "1 个脱机活动正在等待同步"],
  ])("%s, %d", (language, count, expected) => {
    expect(messagesIn(language as "en").count("mode.pending", count)).toBe(expected);
  });

  it("fills placeholders, writing numbers as the locale does", () => {
    expect(messagesIn("de", "de-DE").text("office.timeout", { seconds: 10 })).toBe("Office hat nicht innerhalb von 10 s geantwortet. Prüfen Sie die Netzwerkverbindung, und laden Sie den Bereich dann neu.");
    expect(messagesIn("en").text("problem.integer-range", { setting: "Active days", min: 1, max: 3650, got: "0" })).toBe("Active days must be a whole number from 1 to 3650; got 0.");
  });

  it("joins lists and writes times in the locale", () => {
    expect(messagesIn("en").list(["Prefix", "User digits", "Active days"])).toBe("Prefix, User digits, and Active days");
    expect(messagesIn("de", "de-DE").list(["Präfix", "Aktive Tage"])).toBe("Präfix und Aktive Tage");
    const time = Date.UTC(2026, 0, 15, 9, 30);
    expect(messagesIn("ja", "ja-JP").dateTime(time)).toBe(new Intl.DateTimeFormat("ja-JP", { dateStyle: "medium", timeStyle: "short" }).format(time));
    expect(messagesIn("en").dateTime(Number.NaN)).toBeUndefined();
  });
});

describe("numbers without Intl where they read the same", () => {
  // The pane writes small whole numbers with String in its catalogues' own locales (no number data to load).
  const locales = ["en", "en-US", "en-GB", "en-IN", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-CA", "fr-CH", "es-ES", "es-MX", "pt-BR", "pt-PT", "it-IT", "it-CH", "nl-NL", "nl-BE", "ja-JP", "zh-CN", "zh-SG"];
  const intl = (locale: string, value: number) => new Intl.NumberFormat(locale, { useGrouping: "min2" } as unknown as Intl.NumberFormatOptions).format(value);

  it.each(locales)("%s writes every number as Intl.NumberFormat does", (locale) => {
    const messages = createMessages(chooseLanguage(locale), CATALOGUES[chooseLanguage(locale)], locale);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: -1_000_000, max: 100_000_000 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })), (value) => {
        expect(messages.number(value)).toBe(intl(messages.locale, value));
      }),
    );
  });

  it("leaves other digits and numbering systems to Intl", () => {
    // Arabic falls back to the English catalogue, but its numbers keep the user's locale.
    expect(createMessages("en", CATALOGUES.en, "ar-EG").number(42)).toBe(intl("ar-EG", 42));
    expect(createMessages("en", CATALOGUES.en, "ar-EG").number(42)).not.toBe("42");
    expect(createMessages("de", CATALOGUES.de, "de-DE-u-nu-arab").number(7)).toBe(intl("de-DE-u-nu-arab", 7));
  });
});

describe("pseudo-locales", () => {
  it("accent every letter, keep placeholders, and grow the text by about 40 %", () => {
    const text = pseudoText("Copy {token} now");
    expect(text).toMatch(/^\[Çöþý \{token\} ñöŵ .+\]$/);
    expect([...text].length).toBeGreaterThanOrEqual(Math.round("Copy {token} now".length * 1.4));
  });

  it("are made from English, key by key, and qps-plocm reads right to left", () => {
    const ploc = messagesIn("qps-ploc");
    expect(ploc.text("compose.add")).toBe(pseudoText(en["compose.add"]));
    expect(ploc.dir).toBe("ltr");
    expect(messagesIn("qps-plocm").dir).toBe("rtl");
    expect(ploc.text("read.copied", { token: "CRM:00021003" })).toContain("CRM:00021003");
  });
});
