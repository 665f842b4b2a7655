import { TermList } from "./TermList";
import type { TermRow } from "./TermList";
import type { KnownActivity } from "./useReadPane";
import type { Messages } from "../../languages/messages";
import { useMessages } from "../shared/language";

export type ActivitySummaryProps = {
  /** The sent activity a token or a smart match points at (from this device or the tracking service). */
  activity: KnownActivity;
};

/** What a sent activity was: subject, recipients, time sent (in the user's locale), sender. */
export function ActivitySummary({ activity }: ActivitySummaryProps) {
  const m = useMessages();
  const rows: TermRow[] = [
    [m.text("activity.subject"), activity.subject],
    [m.text("activity.to"), joinAddresses(m, activity.to)],
    ...(activity.cc.length > 0 ? ([[m.text("activity.cc"), joinAddresses(m, activity.cc)]] as TermRow[]) : []),
    [m.text("activity.sent"), formatSentTime(m, activity.sentAt ?? activity.stampedAt)],
    [m.text("activity.sender"), senderText(m, activity)],
  ];
  return <TermList rows={rows} />;
}

/** "Dana Buyer <dana@fabrikam.com>" when the service knows the name; else the address. */
function senderText(m: Messages, { sender, senderName }: KnownActivity): string {
  if (senderName !== undefined && sender !== "") return `${senderName} <${sender}>`;
  return senderName ?? (sender || m.text("activity.unknown"));
}

// Addresses stay a comma list in every language: they are data, and "and" would read as part of one.
function joinAddresses(m: Messages, addresses: readonly string[]): string {
  return addresses.length > 0 ? addresses.join(", ") : m.text("activity.nobody");
}

/** When it was sent (finalized); for records from before that, when it was stamped. */
export function formatSentTime(m: Messages, epochMs: number): string {
  return m.dateTime(epochMs) ?? m.text("activity.unknown");
}
