/**
 * The Office.js of the playground's panes: Microsoft's office.js from the package, with the
 * playground page playing Outlook on the web. README.md beside this file says how.
 */
import type { PaneHost } from "../model/paneHost";
import { type OfficeFrame, type OutlookWebHost, outlookWebPaneUrl, startOutlookWebHost, type MicrosoftCommon } from "./outlookWebHost";

export { frameName } from "./outlookWebHost";

/** Where webpack copies Microsoft's files (webpack.config.js), beside the playground's pane pages. */
export const OFFICE_JS_FOLDER = "/playground/office-js";

/** The URL of a frame's page (a pane, or the send handler's commands.html), as Outlook on the web opens it. */
export function paneSource(frame: OfficeFrame, location: Pick<Location, "origin">, displayLanguage: string): string {
  return outlookWebPaneUrl(`${OFFICE_JS_FOLDER}/${frame}.html`, frame, location.origin, displayLanguage);
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
export async function playOutlookOnTheWeb(win: Window, host: PaneHost): Promise<OutlookWebHost> {
  // office.js trusts a web host only over HTTPS (README.md): say so instead of showing dead panes.
  if (win.location.protocol !== "https:") throw new Error(`Microsoft's office.js runs the panes only for a host on HTTPS; open https://${win.location.host}${win.location.pathname} instead.`);
  // outlook-web-16.01.js needs MicrosoftAjax.js's helpers before it runs (README.md).
  await loadScript(win.document, `${OFFICE_JS_FOLDER}/microsoft-ajax.js`);
  await loadScript(win.document, `${OFFICE_JS_FOLDER}/outlook-web-16.01.js`);
  const common = (win as unknown as { Microsoft?: { Office?: { Common?: MicrosoftCommon } } }).Microsoft?.Office?.Common;
  if (!common) throw new Error("outlook-web-16.01.js loaded without Microsoft.Office.Common: the playground cannot play Outlook on the web.");
  return startOutlookWebHost({ win, common, host });
}
