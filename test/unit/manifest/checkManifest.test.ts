import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest, type ManifestCheckResult, type ManifestProblemCode, type ReadAsset } from "../../../tools/manifest/checkManifest";
import { diskAssets } from "../../../tools/manifest/diskAssets";

const repoRoot = join(__dirname, "..", "..", "..");
const manifestXml = readFileSync(join(repoRoot, "manifest.xml"), "utf8");
const realAssets = diskAssets(repoRoot);
const EXAMPLE_GUID = "0c0ffee0-1234-4abc-8def-0123456789ab";

function check(xml: string, readAsset: ReadAsset = realAssets): ManifestCheckResult {
  return checkManifest(xml, { readAsset, newGuid: () => EXAMPLE_GUID });
}

/** Replaces text that must be in the manifest, so a stale edit fails loudly instead of testing nothing. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const edited = xml.replace(from, to);
  if (edited === xml) throw new Error(`The manifest does not contain ${String(from)}`);
  return edited;
}

function lineOf(xml: string, text: string): number {
  const index = xml.indexOf(text);
  if (index < 0) throw new Error(`The manifest does not contain ${text}`);
  return xml.slice(0, index).split("\n").length;
}

/** Serves the real assets, with some paths swapped for other bytes (or removed, for undefined). */
function assetsWith(overrides: Record<string, Uint8Array | undefined>): ReadAsset {
  return (path) => (Object.hasOwn(overrides, path) ? overrides[path] : realAssets(path));
}

function messagesOf(result: ManifestCheckResult, code: ManifestProblemCode): string[] {
  return result.problems.filter((p) => p.code === code).map((p) => p.message);
}

describe("checkManifest on the real manifest.xml", () => {
  it("finds no problems", () => {
    const result = check(manifestXml);
    expect(result.problems).toEqual([]);
  });

  it("reads every icon the manifest names from assets/", () => {
    const read: string[] = [];
    check(manifestXml, (path) => (read.push(path), realAssets(path)));
    expect([...new Set(read)].sort()).toEqual(
      [16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144].map((size) => `assets/icon-${size}.png`).sort(),
    );
  });

  it("checks a mobile icon's pixels as its size times its scale", () => {
    const xml = edit(manifestXml, 'id="Icon.50x50" DefaultValue="https://localhost:3000/assets/icon-50.png"', 'id="Icon.50x50" DefaultValue="https://localhost:3000/assets/icon-25.png"');
    expect(messagesOf(check(xml), "icon-wrong-size")).toEqual([expect.stringMatching(/size="25" resid="Icon.50x50".*icon-25.png, which is 25×25 px, not 50×50/)]);
  });
});

type BrokenCase = {
  name: string;
  xml: () => string;
  readAsset?: ReadAsset;
  code: ManifestProblemCode;
  /** Text every problem of `code` must contain. */
  says: readonly string[];
  /** Other kinds of problem that the same edit causes, by design. */
  alsoReports?: readonly ManifestProblemCode[];
};

const icon64 = readFileSync(join(repoRoot, "assets/icon-64.png"));

const brokenCases: BrokenCase[] = [
  {
    name: "no <Id>",
    xml: () => edit(manifestXml, /\s*<Id>[^<]*<\/Id>/, ""),
    code: "id-missing",
    says: ["<Id> is missing", `such as ${EXAMPLE_GUID}`],
  },
  {
    name: "an <Id> that is not a GUID",
    xml: () => edit(manifestXml, /<Id>[^<]*<\/Id>/, "<Id>tracking-tokens</Id>"),
    code: "id-not-guid",
    says: [`<Id> (line ${lineOf(manifestXml, "<Id>")}) is "tracking-tokens", which is not a GUID`, EXAMPLE_GUID],
  },
  {
    name: "a GUID <Id> with spaces around it",
    xml: () => edit(manifestXml, /<Id>([^<]*)<\/Id>/, "<Id> $1 </Id>"),
    code: "id-not-guid",
    says: ["because of the spaces around it"],
  },
  {
    name: "a five-part <Version>",
    xml: () => edit(manifestXml, "<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>"),
    code: "version-invalid",
    says: [`<Version> (line ${lineOf(manifestXml, "<Version>")}) is "1.0.0.0.0", which is not a valid version`, "one to four dot-separated numbers"],
  },
  {
    name: "a <Version> with a letter",
    xml: () => edit(manifestXml, "<Version>1.0.0.0</Version>", "<Version>v1.0</Version>"),
    code: "version-invalid",
    says: ['"v1.0"'],
  },
  {
    name: "a <Version> part of six digits",
    xml: () => edit(manifestXml, "<Version>1.0.0.0</Version>", "<Version>1.0.0.100000</Version>"),
    code: "version-invalid",
    says: ["at most five digits"],
  },
  {
    name: "no <Version>",
    xml: () => edit(manifestXml, /\s*<Version>1.0.0.0<\/Version>/, ""),
    code: "version-invalid",
    says: ["<Version> is missing"],
  },
  {
    name: "a missing icon file",
    xml: () => manifestXml,
    readAsset: assetsWith({ "assets/icon-80.png": undefined }),
    code: "icon-missing",
    says: ["assets/icon-80.png does not exist", 'shows it (https://localhost:3000/assets/icon-80.png)'],
  },
  {
    name: "an icon whose size is not the one its name says",
    xml: () => manifestXml,
    readAsset: assetsWith({ "assets/icon-80.png": icon64 }),
    code: "icon-wrong-size",
    says: ["64×64"],
  },
  {
    name: "an icon that is not a PNG",
    xml: () => manifestXml,
    readAsset: assetsWith({ "assets/icon-32.png": new TextEncoder().encode("GIF89a, not a PNG at all") }),
    code: "icon-not-png",
    says: ["assets/icon-32.png", "is not a PNG: it does not start with the PNG signature"],
  },
  {
    name: "an <IconUrl> that is not 64×64",
    xml: () => edit(manifestXml, '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>'),
    code: "icon-wrong-size",
    says: [`<IconUrl> (line ${lineOf(manifestXml, "<IconUrl ")}) shows assets/icon-32.png, which is 32×32 px, but a mail add-in's <IconUrl> must be 64×64`],
  },
  {
    name: "a button icon whose size attribute disagrees with its image",
    xml: () => edit(manifestXml, '<bt:Image size="32" resid="Icon.32x32"/>', '<bt:Image size="32" resid="Icon.16x16"/>'),
    code: "icon-wrong-size",
    says: ['<bt:Image size="32" resid="Icon.16x16">', "shows assets/icon-16.png, which is 16×16 px, not 32×32"],
  },
  {
    name: "an icon served from outside assets/",
    xml: () => edit(manifestXml, '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/img/icon-16.png"/>'),
    code: "icon-outside-assets",
    says: ['maps to "img/icon-16.png", which is not under assets/'],
  },
  {
    name: "a dangling resid",
    xml: () => edit(manifestXml, '<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="80" resid="Icon.99"/>'),
    code: "resid-dangling",
    says: ['resid "Icon.99" on <bt:Image size="80" resid="Icon.99">', 'does not resolve: no <bt:Image id="Icon.99"> in <bt:Images>'],
  },
  {
    name: "a resid that names a resource of the wrong kind",
    xml: () => edit(manifestXml, '<Label resid="ComposeButton.Label"/>', '<Label resid="Compose.Url"/>'),
    code: "resid-wrong-kind",
    says: ['resid "Compose.Url" on <Label resid="Compose.Url">', "points at <bt:Url", 'needs <bt:String id="Compose.Url"> in <bt:ShortStrings>'],
  },
  {
    name: "a resid longer than 32 characters",
    xml: () => edit(manifestXml, /ComposeButton\.Tooltip/g, "ComposeButton.TooltipThatGoesOnAndOn"),
    code: "resid-too-long",
    says: ['resid "ComposeButton.TooltipThatGoesOnAndOn"', "36 characters; Office allows at most 32"],
  },
  {
    name: "two resources with one id",
    xml: () => edit(manifestXml, '<bt:Url id="Read.Url"', '<bt:Url id="Compose.Url"'),
    code: "resource-duplicate-id",
    says: ['<bt:Url id="Compose.Url">', "repeats the id of", "ids must be unique"],
    alsoReports: ["resid-dangling"], // Nothing is called Read.Url any more.
  },
  {
    name: "an http URL",
    xml: () => edit(manifestXml, '<SourceLocation DefaultValue="https://localhost:3000/read.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/read.html"/>'),
    code: "url-not-https",
    says: [
      `http://localhost:3000/read.html on <SourceLocation> (line ${lineOf(manifestXml, '<SourceLocation DefaultValue="https://localhost:3000/read.html"')}) is not https`,
      "Use https://localhost:3000/read.html",
    ],
  },
  {
    name: "a URL that is not a URL",
    xml: () => edit(manifestXml, '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>', '<SupportUrl DefaultValue="support.html"/>'),
    code: "url-invalid",
    says: ['DefaultValue="support.html" on <SupportUrl>', "is not an absolute URL"],
  },
  {
    name: "a second host",
    xml: () => edit(manifestXml, '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>', '<SupportUrl DefaultValue="https://help.example.com/tracking-tokens"/>'),
    code: "url-second-host",
    says: ["https://help.example.com/tracking-tokens on <SupportUrl>", "is on host help.example.com, but the rest of the manifest uses localhost:3000"],
  },
  {
    name: "<Version> after <ProviderName>",
    xml: () =>
      edit(
        edit(manifestXml, "  <Version>1.0.0.0</Version>\n", ""),
        /(<ProviderName>[^<]*<\/ProviderName>\n)/,
        "$1  <Version>1.0.0.0</Version>\n",
      ),
    code: "element-order",
    // The two swap lines: <ProviderName> moves up to where <Version> was.
    says: [
      `<Version> (line ${lineOf(manifestXml, "<ProviderName>")}) is out of order: it must come before <ProviderName> (line ${lineOf(manifestXml, "<Version>")})`,
      "Id, AlternateId, Version, ProviderName",
    ],
  },
  {
    name: "<Permissions> after <Rule>",
    xml: () =>
      edit(
        edit(manifestXml, "  <Permissions>ReadWriteItem</Permissions>\n", ""),
        "  <DisableEntityHighlighting>",
        "  <Permissions>ReadWriteItem</Permissions>\n  <DisableEntityHighlighting>",
      ),
    code: "element-order",
    says: ["<Permissions>", "must come before <Rule xsi:type=\"RuleCollection\">"],
  },
  {
    name: "<Title> after <Description> in a <Supertip>",
    xml: () =>
      edit(
        manifestXml,
        /(<Title resid="ReadButton.Label"\/>)(\s*)(<Description resid="ReadButton.Tooltip"\/>)/,
        "$3$2$1",
      ),
    code: "element-order",
    says: ['<Title resid="ReadButton.Label">', "is out of order in <Supertip>", 'must come before <Description resid="ReadButton.Tooltip">'],
  },
  {
    name: "an element the schema does not know",
    xml: () => edit(manifestXml, "  <Permissions>", "  <Priority>High</Priority>\n  <Permissions>"),
    code: "unknown-element",
    says: ["<Priority>", "is not an element the MailApp schema allows in <OfficeApp>"],
  },
  {
    name: "a second <Permissions>",
    xml: () => edit(manifestXml, "  <Permissions>ReadWriteItem</Permissions>\n", "  <Permissions>ReadWriteItem</Permissions>\n  <Permissions>ReadItem</Permissions>\n"),
    code: "duplicate-element",
    says: [`<Permissions> (line ${lineOf(manifestXml, "<Permissions>") + 1}) appears a second time (first at line ${lineOf(manifestXml, "<Permissions>")})`],
  },
  {
    name: "no <Rule>",
    xml: () => edit(manifestXml, /\s*<Rule xsi:type="RuleCollection"[\s\S]*?<\/Rule>\n/, "\n"),
    code: "missing-element",
    says: ["<Rule> is missing: the MailApp schema requires it"],
  },
  {
    name: "malformed XML",
    xml: () => edit(manifestXml, "</FormSettings>", "</FormSetting>"),
    code: "malformed-xml",
    says: ["not well-formed XML at line", 'Opening and ending tag mismatch: "FormSettings" != "FormSetting"'],
  },
  {
    name: "an undefined entity",
    xml: () => edit(manifestXml, "<ProviderName>Tracking Tokens for Outlook", "<ProviderName>Tracking &amp Tokens"),
    code: "malformed-xml",
    says: [`at line ${lineOf(manifestXml, "<ProviderName>")}`],
  },
  {
    name: "a task pane manifest",
    xml: () => edit(manifestXml, 'xsi:type="MailApp"', 'xsi:type="TaskPaneApp"'),
    code: "not-mail-app",
    says: ['<OfficeApp> has xsi:type "TaskPaneApp", not "MailApp"'],
  },
  {
    name: "a root that is not <OfficeApp>",
    xml: () => '<?xml version="1.0"?>\n<Manifest/>\n',
    code: "wrong-root",
    says: ["The root element is <Manifest>, not <OfficeApp>"],
  },
  {
    name: "no Mailbox requirement set",
    xml: () => edit(manifestXml, '<Set Name="Mailbox" MinVersion="1.1"/>', '<Set Name="Calendar" MinVersion="1.1"/>'),
    code: "requirements-mailbox",
    says: ["names no Mailbox requirement set"],
  },
  {
    name: "pinning under a Mailbox 1.3 requirement",
    xml: () => edit(manifestXml, 'DefaultMinVersion="1.12"', 'DefaultMinVersion="1.3"'),
    code: "pinning-requirements",
    says: ["<SupportsPinning> (line", "needs Mailbox 1.5", "requires Mailbox 1.3"],
    alsoReports: ["launch-event-requirements"],
  },
  {
    name: "OnMessageSend under a Mailbox 1.10 requirement",
    xml: () => edit(manifestXml, 'DefaultMinVersion="1.12"', 'DefaultMinVersion="1.10"'),
    code: "launch-event-requirements",
    says: ['<LaunchEvent Type="OnMessageSend"', "needs Mailbox 1.12", "requires Mailbox 1.10", "rejects the block"],
  },
  {
    name: "a SendMode that is not one of the three",
    xml: () => edit(manifestXml, 'FunctionName="onMessageSendHandler" SendMode="PromptUser"/>', 'FunctionName="onMessageSendHandler" SendMode="NeverBlock"/>'),
    code: "launch-event-invalid",
    says: ['SendMode="NeverBlock"', "one of PromptUser, SoftBlock, Block"],
  },
  {
    name: "a SendMode on an event that is not a send",
    xml: () => edit(manifestXml, 'Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="PromptUser"', 'Type="OnNewMessageCompose" FunctionName="onMessageSendHandler" SendMode="PromptUser"'),
    code: "launch-event-invalid",
    says: ["only OnMessageSend and OnAppointmentSend take"],
  },
  {
    name: "a misspelt event Type",
    xml: () => edit(manifestXml, 'Type="OnMessageSend"', 'Type="OnMessageSent"'),
    code: "launch-event-invalid",
    says: ['Type="OnMessageSent", which is not an Outlook launch event', "OnMessageSend"],
  },
  {
    name: "a LaunchEvent without a FunctionName",
    xml: () => edit(manifestXml, ' FunctionName="onMessageSendHandler"', ""),
    code: "launch-event-invalid",
    says: ['FunctionName=""', "Office.actions.associate"],
  },
  {
    name: "OnMessageSend declared twice",
    xml: () =>
      edit(manifestXml, /(<LaunchEvent Type="OnMessageSend"[^>]*\/>)/, "$1\n                <LaunchEvent Type=\"OnMessageSend\" FunctionName=\"again\"/>"),
    code: "launch-event-invalid",
    says: ["declares OnMessageSend a second time", "one per add-in"],
  },
  {
    name: "a LaunchEvent extension point without events",
    xml: () => edit(manifestXml, /\s*<LaunchEvent Type="OnMessageSend"[^>]*\/>/, ""),
    code: "launch-event-invalid",
    says: ['<ExtensionPoint xsi:type="LaunchEvent">', "declares no event"],
  },
  {
    name: "a LaunchEvent whose SourceLocation names no Runtime",
    xml: () => edit(manifestXml, '<SourceLocation resid="Commands.Url"/>', '<SourceLocation resid="Compose.Url"/>'),
    code: "launch-event-runtime",
    // Both ends: the SourceLocation names no Runtime, and the Runtime is left unused.
    says: ['"Commands.Url"'],
  },
  {
    name: "a LaunchEvent without a SourceLocation (and so an unused Runtime)",
    xml: () => edit(manifestXml, /\s*<!-- The runtime to use[\s\S]*?-->\s*<SourceLocation resid="Commands.Url"\/>/, ""),
    code: "launch-event-runtime",
    says: [],
  },
  {
    name: "a Runtime whose resid is not a Url",
    xml: () => edit(manifestXml, '<Runtime resid="Commands.Url">', '<Runtime resid="Group.Label">'),
    code: "resid-wrong-kind",
    says: ['resid "Group.Label" on <Runtime resid="Group.Label">', "<bt:Url"],
    alsoReports: ["launch-event-runtime"],
  },
  {
    name: "a Runtime Override whose resid does not resolve",
    xml: () => edit(manifestXml, '<Override type="javascript" resid="CommandsScript.Url"/>', '<Override type="javascript" resid="Launch.js"/>'),
    code: "resid-dangling",
    says: ['resid "Launch.js" on <Override type="javascript" resid="Launch.js">', "does not resolve"],
  },
  {
    name: "a Runtime Override that is not JavaScript",
    xml: () => edit(manifestXml, '<Override type="javascript"', '<Override type="html"'),
    code: "runtime-invalid",
    says: ['<Override type="javascript" resid="...">', 'it has type="html"'],
  },
  {
    name: "the handler script on plain http",
    xml: () => edit(manifestXml, 'DefaultValue="https://localhost:3000/commands.js"', 'DefaultValue="http://localhost:3000/commands.js"'),
    code: "url-not-https",
    says: ["http://localhost:3000/commands.js"],
  },
  {
    name: "Runtimes after DesktopFormFactor",
    xml: () => {
      const runtimes = /\n\s*<Runtimes>\n[\s\S]*?<\/Runtimes>/.exec(manifestXml)?.[0] ?? "";
      const without = edit(manifestXml, runtimes, "");
      // The last </DesktopFormFactor> is the 1.1 block's, where the Runtimes were.
      const at = without.lastIndexOf("</DesktopFormFactor>") + "</DesktopFormFactor>".length;
      return without.slice(0, at) + runtimes + without.slice(at);
    },
    code: "element-order",
    says: ["<Runtimes>", "must come before <DesktopFormFactor>"],
  },
  {
    name: "a LaunchEvent in VersionOverrides 1.0",
    xml: () => {
      const point = /\s*<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<\/ExtensionPoint>/.exec(manifestXml)?.[0] ?? "";
      return edit(edit(manifestXml, point, ""), /(<SourceLocation resid="Read.Url"\/>\s*<\/Action>\s*<\/Control>\s*<\/Group>\s*<\/OfficeTab>\s*<\/ExtensionPoint>)/, `$1${point}`);
    },
    code: "launch-event-requirements",
    says: ["exist only in VersionOverrides 1.1"],
    alsoReports: ["launch-event-runtime", "resid-dangling"],
  },
  {
    name: "pinning in VersionOverrides 1.0",
    xml: () =>
      edit(manifestXml, '<SourceLocation resid="Read.Url"/>\n                  </Action>', '<SourceLocation resid="Read.Url"/>\n                    <SupportsPinning>true</SupportsPinning>\n                  </Action>'),
    code: "pinning-requirements",
    says: ['is in <VersionOverrides xsi:type="VersionOverridesV1_0">', "only VersionOverrides 1.1 has SupportsPinning"],
  },
  {
    name: "a nested VersionOverrides in the 1.0 namespace",
    xml: () =>
      edit(
        manifestXml,
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1"',
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides"',
      ),
    code: "version-overrides-type",
    says: ['must be xsi:type="VersionOverridesV1_1" with xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1"'],
  },
];

describe("checkManifest on a broken manifest", () => {
  it.each(brokenCases)("reports $name, and nothing else", ({ xml, readAsset, code, says, alsoReports = [] }) => {
    const result = check(xml(), readAsset);
    const messages = messagesOf(result, code);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      for (const text of says) expect(message).toContain(text);
    }
    const others = result.problems.filter((p) => p.code !== code && !alsoReports.includes(p.code));
    expect(others).toEqual([]);
  });

  it("gives each problem the line of the element at fault", () => {
    const broken = edit(manifestXml, '<Label resid="ReadButton.Label"/>', '<Label resid="Nowhere"/>');
    expect(check(broken).problems.map((p) => p.line)).toEqual([lineOf(broken, '<Label resid="Nowhere"/>')]);
  });

  it("reports an icon of the wrong size once per file, however many buttons show it", () => {
    const result = check(manifestXml, assetsWith({ "assets/icon-80.png": icon64 }));
    expect(messagesOf(result, "icon-wrong-size").filter((m) => m.startsWith("assets/icon-80.png"))).toEqual([
      "assets/icon-80.png is 64×64 px but its name says 80×80.",
    ]);
  });

  it("reports malformed XML where the parser found it, and stops there", () => {
    const result = check(edit(manifestXml, "</FormSettings>", "</FormSetting>"));
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    // xmldom places a mismatched end tag where the token before it ended: the line above, or the same.
    const endTagLine = lineOf(manifestXml, "</FormSettings>");
    expect([endTagLine - 1, endTagLine]).toContain(problem?.line);
    expect(problem?.message).toMatch(new RegExp(`at line ${problem?.line}, column \\d+:`));
  });
});
