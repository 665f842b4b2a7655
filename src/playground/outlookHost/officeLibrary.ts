/**
 * Which Office.js the playground's panes load: the fake (fake-office.js, the default) or
 * Microsoft's office.js from the package, with the playground page playing Outlook on the web
 * (?office=microsoft). README.md beside this file says how.
 */
import type { PaneHost, Surface } from "../model/paneHost";
import { outlookWebPaneUrl, startOutlookWebHost, type MicrosoftCommon } from "./outlookWebHost";

export type OfficeLibrary = "fake" | "microsoft";

/** Where webpack copies Microsoft's files (webpack.config.js), beside the playground's pages. */
export const OFFICE_JS_FOLDER = "/playground/office-js";

export function officeLibraryOf(location: Pick<Location, "search">): OfficeLibrary {
  return new URLSearchParams(location.search).get("office") === "microsoft" ? "microsoft" : "fake";
}

/**
 * The URL of a pane page for this playground page's Office.js. Like Outlook, it names the display
 * language in `_host_Info`, so the pane fetches its catalogue before Office.js is ready.
 */
export function paneSource(surface: Surface, location: Pick<Location, "search" | "origin">, displayLanguage = "en-US"): string {
  if (officeLibraryOf(location) === "fake") return `/playground/${surface}.html?_host_Info=${encodeURIComponent(`Outlook|Web|16.01|${displayLanguage}|playground-${surface}|||0`)}`;
  return outlookWebPaneUrl(`${OFFICE_JS_FOLDER}/${surface}.html`, surface, location.origin, displayLanguage);
}

function loadScript(doc: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`The playground could not load ${src}.`));
    doc.head.append(script);
  });
}

/**
 * Loads Microsoft's messaging code into this page and answers the panes with it. Resolves before
 * any pane iframe exists, so the first call of every pane finds its host.
 */
export async function playOutlookOnTheWeb(win: Window, host: PaneHost): Promise<void> {
  // outlook-web-16.01.js needs MicrosoftAjax.js's helpers before it runs (README.md).
  await loadScript(win.document, `${OFFICE_JS_FOLDER}/microsoft-ajax.js`);
  await loadScript(win.document, `${OFFICE_JS_FOLDER}/outlook-web-16.01.js`);
  const common = (win as unknown as { Microsoft?: { Office?: { Common?: MicrosoftCommon } } }).Microsoft?.Office?.Common;
  if (!common) throw new Error("outlook-web-16.01.js loaded without Microsoft.Office.Common: the playground cannot play Outlook on the web.");
  startOutlookWebHost({ win, common, host });
}
