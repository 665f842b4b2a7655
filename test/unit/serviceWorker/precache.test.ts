import { buildCacheName, isPaneMessage, mayTakeOver, OFFICE_CACHE, officeJsUrls, routeFor, staleCaches } from "../../../src/serviceWorker/precache";

const worker = new URL("https://addin.contoso.com/sw.js");
const manifest = { version: "abc123", files: ["compose.html", "compose.js", "chunks/settings.1a2b3c4d.js", "playground/compose.html"] };
const route = (href: string) => routeFor(new URL(href), worker, manifest);

describe("routeFor", () => {
  it.each([
    ["the compose page as Outlook opens it (with _host_Info)", "https://addin.contoso.com/compose.html?_host_Info=Outlook$Win32$16.02$en-US", "build"],
    ["a lazy chunk of the build", "https://addin.contoso.com/chunks/settings.1a2b3c4d.js", "build"],
    ["the playground's compose page", "https://addin.contoso.com/playground/compose.html", "build"],
    ["a chunk of another build", "https://addin.contoso.com/chunks/settings.99999999.js", "network"],
    ["sw.js itself (the pane's probe of the server)", "https://addin.contoso.com/sw.js", "network"],
    ["the manifest", "https://addin.contoso.com/manifest.xml", "network"],
    ["Office.js", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "office-js"],
    ["a host script Office.js loads", "https://appsforoffice.microsoft.com/lib/1/hosted/outlook-win32-16.02.js", "office-js"],
    ["the tracking service", "https://tracking.contoso.com/compose.html", "network"],
  ])("%s: %s", (_what, href, expected) => {
    expect(route(href)).toBe(expected);
  });
});

describe("staleCaches", () => {
  it("names our other builds' caches, never the current one, Office.js's or someone else's", () => {
    const names = [buildCacheName("old1"), buildCacheName("abc123"), OFFICE_CACHE, "another-app-cache", buildCacheName("old2")];
    expect(staleCaches(names, "abc123")).toEqual([buildCacheName("old1"), buildCacheName("old2")]);
  });
});

describe("mayTakeOver", () => {
  it.each([
    [[], true],
    [["https://addin.contoso.com/read.html?_host_Info=x"], true],
    [["https://addin.contoso.com/playground/", "https://addin.contoso.com/playground/read.html"], true],
    [["https://addin.contoso.com/compose.html?_host_Info=x"], false],
    [["https://addin.contoso.com/playground/", "https://addin.contoso.com/playground/compose.html"], false],
    [["https://addin.contoso.com/commands.html"], false],
  ])("open pages %j: %s", (urls, expected) => {
    expect(mayTakeOver(urls)).toBe(expected);
  });
});

describe("pane messages", () => {
  it("accepts the two messages a pane sends and nothing else", () => {
    expect(isPaneMessage({ type: "pane-closed" })).toBe(true);
    expect(isPaneMessage({ type: "keep-office-js", urls: ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"] })).toBe(true);
    expect(isPaneMessage({ type: "keep-office-js", urls: [42] })).toBe(false);
    expect(isPaneMessage({ type: "skip-waiting" })).toBe(false);
    expect(isPaneMessage("pane-closed")).toBe(false);
    expect(isPaneMessage(null)).toBe(false);
  });

  it("keeps only Office.js's own origin, once each: a page cannot make the worker cache anything else", () => {
    const office = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    expect(officeJsUrls([office, "https://addin.contoso.com/compose.js", "not a url", office, "https://appsforoffice.microsoft.com.evil.example/x.js"])).toEqual([office]);
  });
});
