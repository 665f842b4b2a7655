/** The text of a To or Cc field, as the compose form holds it, and the addresses it names. */
import type { MailAddress } from "./types";

/** Splits a To or Cc field ("Dana <dana@x.com>; lee@x.com") into addresses; text without @ is skipped. */
export function parseAddressField(text: string): MailAddress[] {
  return text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part.includes("@"))
    .map((part) => {
      const named = /^(.*?)\s*<([^>]+)>$/.exec(part);
      if (named) return { displayName: (named[1] ?? "").replace(/^"|"$/g, "") || (named[2] ?? ""), emailAddress: (named[2] ?? "").trim() };
      return { displayName: part, emailAddress: part };
    });
}

export function formatAddressField(addresses: readonly MailAddress[]): string {
  return addresses.map((a) => (a.displayName && a.displayName !== a.emailAddress ? `${a.displayName} <${a.emailAddress}>` : a.emailAddress)).join("; ");
}
