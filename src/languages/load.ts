/**
 * Each catalogue is a chunk of its own, English included, so a pane downloads only its user's
 * language (docs/DESIGN.md §9). The pseudo-locales come with English and are made from it. The
 * formatting code (messages.ts) is a chunk too, fetched beside the catalogue: the panes' first
 * bundle carries neither.
 */
import type { Catalogue, Messages } from "./messages";
import type { LanguageTag } from "./tags";

export function loadCatalogue(language: LanguageTag): Promise<Catalogue> {
  switch (language) {
    case "en":
      return import(/* webpackChunkName: "lang-en" */ "./catalogues/en").then((m) => m.en);
    case "de":
      return import(/* webpackChunkName: "lang-de" */ "./catalogues/de").then((m) => m.de);
    case "fr":
      return import(/* webpackChunkName: "lang-fr" */ "./catalogues/fr").then((m) => m.fr);
    case "es":
      return import(/* webpackChunkName: "lang-es" */ "./catalogues/es").then((m) => m.es);
    case "pt-BR":
      return import(/* webpackChunkName: "lang-pt-BR" */ "./catalogues/ptBR").then((m) => m.ptBR);
    case "it":
      return import(/* webpackChunkName: "lang-it" */ "./catalogues/it").then((m) => m.it);
    case "nl":
      return import(/* webpackChunkName: "lang-nl" */ "./catalogues/nl").then((m) => m.nl);
    case "ja":
      return import(/* webpackChunkName: "lang-ja" */ "./catalogues/ja").then((m) => m.ja);
    case "zh-Hans":
      return import(/* webpackChunkName: "lang-zh-Hans" */ "./catalogues/zhHans").then((m) => m.zhHans);
    case "qps-ploc":
    case "qps-plocm":
      return import(/* webpackChunkName: "lang-pseudo" */ "./catalogues/pseudo").then((m) => m.pseudo);
  }
}

/** The catalogue of `language` as Messages formatting for `locale` (the user's own tag). A chunk loaded once is not fetched again. */
export async function loadMessages(language: LanguageTag, locale?: string): Promise<Messages> {
  const [{ createMessages }, catalogue] = await Promise.all([import(/* webpackChunkName: "messages" */ "./messages"), loadCatalogue(language)]);
  return createMessages(language, catalogue, locale);
}
