/** The pane's catalogue: guessed before Office is ready, settled by displayLanguage, English when it cannot load (docs/DESIGN.md §9). */
import { createMessages } from "../../../../src/languages/messages";
import type { LanguageTag } from "../../../../src/languages/tags";
import { paneLanguage } from "../../../../src/panes/shared/paneLanguage";
import { CATALOGUES } from "../../languages/catalogues";

function loader(failing: readonly LanguageTag[] = []) {
  const loads: string[] = [];
  const load = (language: LanguageTag, locale: string) => {
    loads.push(`${language} ${locale}`);
    return failing.includes(language) ? Promise.reject(new Error(`chunk lang-${language} failed`)) : Promise.resolve(createMessages(language, CATALOGUES[language], locale));
  };
  return { loads, load };
}

describe("paneLanguage", () => {
  it("starts with the locale Outlook put in the URL, and fetches nothing more when Office agrees", async () => {
    const { loads, load } = loader();
    const language = paneLanguage("https://a.example/compose.html?_host_Info=Outlook|Web|16.01|de-DE|x", "en-US", load);
    language.settle("de-DE");
    const messages = await language.messages();
    expect([messages.language, messages.locale]).toEqual(["de", "de-DE"]);
    expect(loads).toEqual(["de de-DE"]);
  });

  it("falls back to the browser's language for the guess, and loads Office's language when the guess was wrong", async () => {
    const { loads, load } = loader();
    const language = paneLanguage("https://a.example/read.html", "en-US", load);
    language.settle("ja-JP");
    expect((await language.messages()).language).toBe("ja");
    expect(loads).toEqual(["en en-US", "ja ja-JP"]);
  });

  it("keeps the guess when Office names no language", async () => {
    const { load } = loader();
    const language = paneLanguage("https://a.example/read.html", "fr-CA", load);
    language.settle(undefined);
    expect((await language.messages()).locale).toBe("fr-CA");
  });

  it("says it in English when the user's catalogue cannot load, keeping the user's locale for formats", async () => {
    const { load } = loader(["nl"]);
    const language = paneLanguage("https://a.example/read.html", "nl-NL", load);
    const messages = await language.messages();
    expect([messages.language, messages.locale]).toEqual(["en", "nl-NL"]);
  });
});
