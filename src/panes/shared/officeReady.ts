/**
 * Awaiting Office once per entry. Outside Office, onReady resolves with host null; when Office.js
 * never loaded (CDN unreachable) it never resolves at all, so a timeout turns that into a state.
 */
import type { Messages } from "../../languages/messages";

/** @default 10 s: how long a pane waits for Office.js before it says Office is not available. */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

/** Why a pane cannot run: Office.js missing, Office silent past the timeout, or not inside Outlook. */
export type OfficeProblem = { readonly code: "not-loaded" } | { readonly code: "timeout"; readonly seconds: number } | { readonly code: "not-outlook" };

export type OfficeReadiness =
  | { readonly status: "ready" }
  | { readonly status: "unavailable"; readonly reason: OfficeProblem };

/** An OfficeProblem in the pane's words; a string (an error's message) as it is. */
export function officeProblemText(m: Messages, reason: OfficeProblem | string): string {
  if (typeof reason === "string") return reason;
  switch (reason.code) {
    case "not-loaded":
      return m.text("office.notLoaded");
    case "timeout":
      return m.text("office.timeout", { seconds: reason.seconds });
    case "not-outlook":
      return m.text("office.notOutlook");
  }
}

export async function waitForOutlook(
  office: typeof Office | undefined = (globalThis as { Office?: typeof Office }).Office,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficeReadiness> {
  if (!office || typeof office.onReady !== "function") {
    return { status: "unavailable", reason: { code: "not-loaded" } };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info === "timeout") {
      return { status: "unavailable", reason: { code: "timeout", seconds: Math.round(timeoutMs / 1000) } };
    }
    if (info.host !== office.HostType.Outlook) {
      return { status: "unavailable", reason: { code: "not-outlook" } };
    }
    return { status: "ready" };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The pane theme that follows Office's: dark when the host's body background is dark. Light when
 * the host gives no theme (older clients, outside Office). Read once, after Office is ready.
 */
export function hostTheme(office: typeof Office | undefined = (globalThis as { Office?: typeof Office }).Office): "light" | "dark" {
  let background: string | undefined;
  try {
    background = office?.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    // Some hosts throw on officeTheme outside a supported requirement set: keep the default.
    return "light";
  }
  const hex = /^#?([0-9a-f]{6})$/i.exec(background ?? "")?.[1];
  if (hex === undefined) return "light";
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  // Relative luminance (sRGB weights, no gamma): below the midpoint reads as a dark background.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}

/** Outlook's UI language (a BCP 47 tag such as "de-AT"), or undefined where the host gives none. Read after Office is ready. */
export function displayLanguage(office: typeof Office | undefined = (globalThis as { Office?: typeof Office }).Office): string | undefined {
  try {
    return office?.context?.displayLanguage || undefined;
  } catch {
    return undefined;
  }
}
