/**
 * Awaiting Office once per entry. Outside Office, onReady resolves with host null; when Office.js
 * never loaded (CDN unreachable) it never resolves at all, so a timeout turns that into a state.
 */

/** @default 10 s: how long a pane waits for Office.js before it says Office is not available. */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

export type OfficeReadiness =
  | { readonly status: "ready" }
  | { readonly status: "unavailable"; readonly reason: string };

export async function waitForOutlook(
  office: typeof Office | undefined = (globalThis as { Office?: typeof Office }).Office,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficeReadiness> {
  if (!office || typeof office.onReady !== "function") {
    return { status: "unavailable", reason: "Office.js did not load. Check the network, then reload the pane." };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info === "timeout") {
      return {
        status: "unavailable",
        reason: `Office did not answer within ${Math.round(timeoutMs / 1000)} s. Check the network, then reload the pane.`,
      };
    }
    if (info.host !== office.HostType.Outlook) {
      return {
        status: "unavailable",
        reason: "This page runs inside Outlook. Open it from the Tracking token button in a message.",
      };
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
