/** Every catalogue, loaded at once for tests (the panes load one lazily), and Messages made from them. */
import { de } from "../../../src/languages/catalogues/de";
import { en } from "../../../src/languages/catalogues/en";
import { es } from "../../../src/languages/catalogues/es";
import { fr } from "../../../src/languages/catalogues/fr";
import { it } from "../../../src/languages/catalogues/it";
import { ja } from "../../../src/languages/catalogues/ja";
import { nl } from "../../../src/languages/catalogues/nl";
import { pseudo } from "../../../src/languages/catalogues/pseudo";
import { ptBR } from "../../../src/languages/catalogues/ptBR";
import { zhHans } from "../../../src/languages/catalogues/zhHans";
import { createMessages } from "../../../src/languages/messages";
import type { Catalogue, Messages } from "../../../src/languages/messages";
import type { LanguageTag } from "../../../src/languages/tags";

export const CATALOGUES: Readonly<Record<LanguageTag, Catalogue>> = {
  en,
  de,
  fr,
  es,
  "pt-BR": ptBR,
  it,
  nl,
  ja,
  "zh-Hans": zhHans,
  "qps-ploc": pseudo,
  "qps-plocm": pseudo,
};

/** Messages in `language`, formatting for `locale` (en-US for English, so test dates are stable). */
export function messagesIn(language: LanguageTag, locale?: string): Messages {
  return createMessages(language, CATALOGUES[language], locale ?? (language === "en" ? "en-US" : language));
}

export const english = messagesIn("en");
