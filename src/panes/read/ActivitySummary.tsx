import { TermList } from "./TermList";
import type { TermRow } from "./TermList";
import type { KnownActivity } from "./useReadPane";

export type ActivitySummaryProps = {
  /** The sent activity a token or a smart match points at (from this device or the tracking service). */
  activity: KnownActivity;
  /** BCP 47 locale for the time sent. @default the user's locale (the browser's) */
  locale?: string | undefined;
};

/** What a sent activity was: subject, recipients, time sent, sender. */
export function ActivitySummary({ activity, locale }: ActivitySummaryProps) {
  const rows: TermRow[] = [
    ["Subject", activity.subject],
    ["To", joinAddresses(activity.to)],
    ...(activity.cc.length > 0 ? ([["Cc", joinAddresses(activity.cc)]] as TermRow[]) : []),
    ["Sent", formatSentTime(activity.sentAt ?? activity.stampedAt, locale)],
    ["Sender", senderText(activity)],
  ];
  return <TermList rows={rows} />;
}

/** "Dana Buyer <dana@fabrikam.com>" when the service knows the name; else the address. */
function senderText({ sender, senderName }: KnownActivity): string {
  if (senderName !== undefined && sender !== "") return `${senderName} <${sender}>`;
  return senderName ?? (sender || "unknown");
}

function joinAddresses(addresses: readonly string[]): string {
  return addresses.length > 0 ? addresses.join(", ") : "nobody";
}

/** The time in the user's locale: when it was sent (finalized); for records from before that, when it was stamped. */
export function formatSentTime(epochMs: number, locale?: string): string {
  const time = new Date(epochMs);
  if (Number.isNaN(time.getTime())) return "unknown";
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(time);
  } catch {
    // An unknown locale tag from the host: fall back to the runtime's default.
    return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(time);
  }
}
