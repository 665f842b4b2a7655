/** Which catalogue a user gets (docs/DESIGN.md §9), and the locale guessed before Office is ready. */
import { chooseLanguage, hostInfoLocale } from "../../../src/languages/tags";

describe("chooseLanguage: exact tag, then language, then English", () => {
  it.each<[string | undefined, string]>([
    ["en-US", "en"],
    ["de-DE", "de"],
    ["de-AT", "de"],
    ["DE_ch", "de"],
    ["fr-CA", "fr"],
    ["es-MX", "es"],
    ["pt-BR", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["it-IT", "it"],
    ["nl-BE", "nl"],
    ["ja-JP", "ja"],
    ["zh-CN", "zh-Hans"],
    ["zh-Hans-SG", "zh-Hans"],
    ["zh-TW", "en"],
    ["zh-Hant-HK", "en"],
    ["qps-ploc", "qps-ploc"],
    ["qps-plocm", "qps-plocm"],
    ["sv-SE", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("%j reads %s", (requested, expected) => {
    expect(chooseLanguage(requested)).toBe(expected);
  });
});

describe("hostInfoLocale", () => {
  it.each<[string, string | undefined]>([
    ["https://addin.example/compose.html?_host_Info=Outlook|Web|16.01|de-DE|a1b2|isDialog|0|", "de-DE"],
    ["https://addin.example/read.html?et=&_host_Info=Outlook$Win32$16.02$ja-JP$$$$0", "ja-JP"],
    ["https://addin.example/read.html#_host_Info=Outlook%7CMac%7C16.01%7Cfr-FR%7C", "fr-FR"],
    ["https://addin.example/read.html?_host_Info=Outlook|Web|16.01|<script>|", undefined],
    ["https://addin.example/read.html", undefined],
  ])("%s", (url, expected) => {
    expect(hostInfoLocale(url)).toBe(expected);
  });
});
