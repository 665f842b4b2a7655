/**
 * Where numbers come from (docs/DESIGN.md §7): the user's mailbox on its own, or a tracking
 * service at a URL. Settings keep the URL as text ("" for none); everything that decides by
 * mode asks `numberingMode` instead of comparing that text itself.
 */
import type { Settings } from "./types";

export type NumberingMode =
  | { readonly kind: "standalone" }
  | { readonly kind: "service"; readonly url: string };

export const STANDALONE: NumberingMode = Object.freeze({ kind: "standalone" });

/** The mode named by a Service URL setting: none (blank) is standalone. */
export function numberingMode(serviceUrl: Settings["serviceUrl"]): NumberingMode {
  const url = serviceUrl.trim();
  return url === "" ? STANDALONE : { kind: "service", url };
}
