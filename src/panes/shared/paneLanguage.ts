/**
 * Which catalogue a pane loads, and when (docs/DESIGN.md §9): a guess from the page's URL
 * (Outlook's `_host_Info`) or the browser's language starts the download before Office.js is
 * ready; Office's displayLanguage then settles it, fetching again only if the guess was wrong.
 * A catalogue that cannot load falls back to English, so the pane still says what it does.
 */
import { FALLBACK_LANGUAGE, chooseLanguage, hostInfoLocale } from "../../languages/tags";
import type { LanguageTag } from "../../languages/tags";
import type { Messages } from "../../languages/messages";
import { loadMessages } from "../../languages/load";

export type PaneLanguage = {
  /** Outlook's display language, once known; undefined keeps the guess. */
  settle(displayLanguage: string | undefined): void;
  /** The messages to render with: the settled language's, else the guess's. */
  messages(): Promise<Messages>;
};

export function paneLanguage(
  pageUrl: string,
  browserLanguage: string | undefined,
  load: (language: LanguageTag, locale: string) => Promise<Messages> = loadMessages,
): PaneLanguage {
  const messagesFor = (requested: string): Promise<Messages> => {
    const language = chooseLanguage(requested);
    const loading = load(language, requested).catch((error: unknown) => {
      if (language === FALLBACK_LANGUAGE) throw error;
      return load(FALLBACK_LANGUAGE, requested);
    });
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
      // The same catalogue for another locale (en-US guessed, en-GB settled) comes from webpack's cache, not the network.
      messages = messagesFor(displayLanguage);
    },
    messages: () => messages,
  };
}
