import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crossCheckManifests, jsonManifestFacts, xmlManifestFacts } from "../../../tools/manifest/crossCheck";
import { unifiedSchemaFile, validateUnifiedManifest } from "../../../tools/manifest/unifiedSchema";

const repoRoot = join(__dirname, "..", "..", "..");
const manifestXml = readFileSync(join(repoRoot, "manifest.xml"), "utf8");
const manifestJsonText = readFileSync(join(repoRoot, "manifest.json"), "utf8");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary manifest paths
const manifestJson = (): Json => JSON.parse(manifestJsonText) as Json;

/** Replaces text that must be in the manifest, so a stale edit fails loudly instead of testing nothing. */
function edit(text: string, from: string | RegExp, to: string): string {
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`The manifest does not contain ${String(from)}`);
  return edited;
}

function drift({ xml = manifestXml, json = manifestJson() }: { xml?: string; json?: Json }): string[] {
  return crossCheckManifests(xmlManifestFacts(xml), jsonManifestFacts(json));
}

describe("manifest.json against Microsoft's published schema (offline)", () => {
  it("conforms to the schema of its manifestVersion, which @microsoft/app-manifest ships", () => {
    const json = manifestJson();
    expect(unifiedSchemaFile(json.manifestVersion as string)).toBeDefined();
    expect(validateUnifiedManifest(json)).toEqual([]);
  });

  it("names the path and the allowed values of a wrong send mode", () => {
    const json = manifestJson();
    json.extensions[0].autoRunEvents[0].events[0].options.sendMode = "prompt";
    expect(validateUnifiedManifest(json)).toEqual([
      { path: "/extensions/0/autoRunEvents/0/events/0/options/sendMode", message: expect.stringContaining('one of "promptUser", "softBlock", "block"') },
    ]);
  });

  it("reports a missing required property and an unknown one", () => {
    const json = manifestJson();
    delete json.developer;
    json.extensions[0].runtimes[0].lifeTime = "short";
    const messages = validateUnifiedManifest(json).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/required property 'developer'/), expect.stringContaining('("lifeTime")')]));
  });

  it("refuses a manifestVersion Microsoft never published, saying what to use", () => {
    const json = manifestJson();
    json.manifestVersion = "1.99";
    expect(validateUnifiedManifest(json)).toEqual([{ path: "/manifestVersion", message: expect.stringContaining('no unified manifest schema for manifestVersion "1.99"') }]);
  });
});

describe("manifest.xml and manifest.json agree", () => {
  it("finds no difference between the shipped pair", () => {
    expect(drift({})).toEqual([]);
  });

  it("reads the same facts from both", () => {
    const xml = xmlManifestFacts(manifestXml);
    expect(xml.compose).toEqual({ page: "https://localhost:3000/compose.html", pinnable: true, minMailbox: "1.3", icons: expect.any(Array) });
    expect(xml.sendEvent).toEqual({
      event: "OnMessageSend",
      functionName: "onMessageSendHandler",
      sendMode: "PromptUser",
      page: "https://localhost:3000/commands.html",
      script: "https://localhost:3000/commands.js",
      minMailbox: "1.12",
    });
    expect(xml.mobileReadPage).toBe("https://localhost:3000/read.html");
    const { mobileReadPage: _phoneOnly, ...shared } = xml;
    expect(jsonManifestFacts(manifestJson())).toEqual({ ...shared, mobileReadPage: undefined });
  });

  // One row per kind of drift: each edit of one manifest alone must be caught, with a message naming it.
  const drifts: [string, () => { xml?: string; json?: Json }, RegExp][] = [
    ["a pane URL changed in the XML only", () => ({ xml: manifestXml.replaceAll("https://localhost:3000/read.html", "https://localhost:3000/read2.html") }), /read pane's page differs/],
    ["the origin changed in the JSON only", () => ({ json: JSON.parse(manifestJsonText.replaceAll("https://localhost:3000", "https://addin.contoso.com")) as Json }), /https:\/\/localhost:3000\/compose.html is in manifest.xml but not in manifest.json/],
    [
      "a button icon swapped in the JSON",
      () => {
        const json = manifestJson();
        json.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].icons[0].url = "https://localhost:3000/assets/icon-32.png";
        return { json };
      },
      /compose button's icons differs/,
    ],
    [
      "the read surface missing from the JSON",
      () => {
        const json = manifestJson();
        json.extensions[0].ribbons.splice(1, 1);
        return { json };
      },
      /read pane is only in manifest.xml/,
    ],
    [
      "pinning off in the JSON",
      () => {
        const json = manifestJson();
        json.extensions[0].runtimes[0].actions[0].pinnable = false;
        return { json };
      },
      /Pinning of the compose pane differs/,
    ],
    ["the base requirement set raised in the XML", () => ({ xml: edit(manifestXml, '<Set Name="Mailbox" MinVersion="1.1"/>', '<Set Name="Mailbox" MinVersion="1.3"/>') }), /base Mailbox requirement set differs: manifest.xml has "1.3", manifest.json has "1.1"/],
    [
      "the buttons' requirement set changed in the JSON",
      () => {
        const json = manifestJson();
        json.extensions[0].ribbons[1].requirements.capabilities[0].minVersion = "1.5";
        return { json };
      },
      /read button's lowest Mailbox requirement set differs/,
    ],
    [
      "the send event's requirement set lowered in the JSON",
      () => {
        const json = manifestJson();
        json.extensions[0].autoRunEvents[0].requirements.capabilities[0].minVersion = "1.10";
        return { json };
      },
      /send event's Mailbox requirement set differs/,
    ],
    ["the send mode changed in the XML", () => ({ xml: edit(manifestXml, /(FunctionName="onMessageSendHandler") SendMode="PromptUser"/, '$1 SendMode="SoftBlock"') }), /send mode differs: manifest.xml has "SoftBlock", manifest.json has "PromptUser"/],
    [
      "the send mode changed in the JSON",
      () => {
        const json = manifestJson();
        json.extensions[0].autoRunEvents[0].events[0].options.sendMode = "block";
        return { json };
      },
      /send mode differs: manifest.xml has "PromptUser", manifest.json has "Block"/,
    ],
    ["the handler's function renamed in the XML", () => ({ xml: edit(manifestXml, 'FunctionName="onMessageSendHandler"', 'FunctionName="onSend"') }), /send handler's function name differs/],
    [
      "the event changed in the JSON",
      () => {
        const json = manifestJson();
        json.extensions[0].autoRunEvents[0].events[0].type = "newMessageComposeCreated";
        return { json };
      },
      /send event differs/,
    ],
    [
      "the classic Outlook script missing from the JSON",
      () => {
        const json = manifestJson();
        delete json.extensions[0].runtimes[2].code.script;
        return { json };
      },
      /script \(classic Outlook on Windows\) differs/,
    ],
    [
      "the event missing from the JSON",
      () => {
        const json = manifestJson();
        delete json.extensions[0].autoRunEvents;
        return { json };
      },
      /OnMessageSend event is only in manifest.xml/,
    ],
    [
      "the link to the XML add-in missing",
      () => {
        const json = manifestJson();
        delete json.extensions[0].alternates;
        return { json };
      },
      /does not hide the XML add-in: .*"officeAddinId": "62738159-0cfe-428b-9370-be5db20153ba"/,
    ],
    [
      "the mobile read button opening another page",
      () => ({ xml: edit(manifestXml, /(<Control xsi:type="MobileButton"[\s\S]*?<SourceLocation resid=")Read.Url"/, '$1Compose.Url"') }),
      /mobile read button opens https:\/\/localhost:3000\/compose.html, not the read pane/,
    ],
    ["the version bumped in the XML only", () => ({ xml: edit(manifestXml, "<Version>1.0.0.0</Version>", "<Version>1.1.0.0</Version>") }), /version differs: manifest.xml has "1.1.0", manifest.json has "1.0.0"/],
  ];

  it.each(drifts)("catches %s", (_name, make, expected) => {
    const problems = drift(make());
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });
});
