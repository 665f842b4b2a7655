/**
 * Which catalogue a pane loads, and when (docs/DESIGN.md §9): a guess from the page's URL
 * (Outlook's `_host_Info`) or the browser's language starts the download before Office.js is
 * ready; Office's displayLanguage then settles it, fetching again only if the guess was wrong.
 * A catalogue that cannot load falls back to English, so the pane still says what it does.
 */
import { FALLBACK_LANGUAGE, chooseLanguage, hostInfoLocale } from "../../languages/tags";
import type { LanguageTag } from "../../languages/tags";
import { createMessages } from "../../languages/messages";
import type { Catalogue, Messages } from "../../languages/messages";
import { loadCatalogue } from "../../languages/load";

export type PaneLanguage = {
  /** Outlook's display language, once known; undefined keeps the guess. */
  settle(displayLanguage: string | undefined): void;
  /** The messages to render with: the settled language's, else the guess's. */
  messages(): Promise<Messages>;
};

export function paneLanguage(pageUrl: string, browserLanguage: string | undefined, load: (language: LanguageTag) => Promise<Catalogue> = loadCatalogue): PaneLanguage {
  const catalogues = new Map<LanguageTag, Promise<Catalogue>>();
  const catalogue = (language: LanguageTag) => {
    let loading = catalogues.get(language);
    if (loading === undefined) catalogues.set(language, (loading = load(language)));
    return loading;
  };
  const messagesFor = (requested: string): Promise<Messages> => {
    const language = chooseLanguage(requested);
    const loading = catalogue(language).then(
      (loaded) => createMessages(language, loaded, requested),
      (error: unknown) => {
        if (language === FALLBACK_LANGUAGE) throw error;
        return catalogue(FALLBACK_LANGUAGE).then((loaded) => createMessages(FALLBACK_LANGUAGE, loaded, requested));
      },
    );
    // Awaited by the first render, which shows a failure; not an unhandled rejection before that.
    loading.catch(() => undefined);
    return loading;
  };
  let requested = hostInfoLocale(pageUrl) ?? browserLanguage ?? FALLBACK_LANGUAGE;
  let messages = messagesFor(requested);
  return {
    settle(displayLanguage) {
      if (displayLanguage === undefined || displayLanguage.toLowerCase() === requested.toLowerCase()) return;
      requested = displayLanguage;
      // The same catalogue for another locale (en-US guessed, en-GB settled) is not fetched again.
      messages = messagesFor(displayLanguage);
    },
    messages: () => messages,
  };
}
