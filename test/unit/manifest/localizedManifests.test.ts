/** Both manifests carry every language's name, labels and tooltips, as the catalogues say them (docs/DESIGN.md §9). */
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { MANIFEST_LOCALES, localizeJson, localizeXml } from "../../../tools/manifest/localize";

const root = path.resolve(__dirname, "../../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe("the localized manifests", () => {
  it("are what scripts/localize-manifests.ts makes from the catalogues (run it after changing a manifest text)", () => {
    expect(read("manifest.xml")).toBe(localizeXml(read("manifest.xml")));
    const json = localizeJson(read("manifest.json"));
    expect(read("manifest.json")).toBe(json.manifest);
    for (const [file, text] of Object.entries(json.files)) expect([file, read(file)]).toEqual([file, text]);
  });

  it("give manifest.xml an Override for every language on the name, the description, the labels and the tooltips", () => {
    const xml = read("manifest.xml");
    for (const { locale } of MANIFEST_LOCALES) {
      // DisplayName, Description, and in each of the two VersionOverrides: group, two labels, two tooltips.
      expect([locale, xml.split(`Locale="${locale}"`).length - 1]).toEqual([locale, 2 + 2 * 5]);
    }
    expect(xml).toContain('<bt:Override Locale="de-DE" Value="Tracking-Token"/>');
    expect(xml).toContain('<bt:Override Locale="ja-JP" Value="このメッセージの件名にある追跡トークンを表示します。"/>');
  });

  it("give manifest.json a localization file per language that Microsoft's schema accepts", () => {
    const schema = JSON.parse(read("node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json")) as object;
    // unicodeRegExp off: Microsoft's patterns ("\\b]") are not valid with the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const manifest = JSON.parse(read("manifest.json")) as { localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] } };
    expect(manifest.localizationInfo.additionalLanguages.map((l) => l.languageTag)).toEqual(MANIFEST_LOCALES.map((l) => l.locale.toLowerCase()));
    for (const { file } of manifest.localizationInfo.additionalLanguages) {
      const valid = validate(JSON.parse(read(file)));
      expect([file, valid ? [] : validate.errors]).toEqual([file, []]);
    }
  });
});
