/** An activity as the API shows it (docs/SERVICE-API.md): ISO time, sender, no storage keys. */
import type { ActivityRecord } from "./store/types";

export type ActivityView = {
  readonly token: string;
  readonly designator: 0 | 1;
  readonly user: number;
  readonly counter: number;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly sentAt: string;
  readonly draftKey?: string;
  readonly sender: string;
  readonly senderName: string | null;
  readonly status: "issued" | "sent";
};

export function activityView(a: ActivityRecord): ActivityView {
  return {
    token: a.token,
    designator: a.designator,
    user: a.user,
    counter: a.counter,
    subject: a.subject,
    to: a.to,
    cc: a.cc,
    sentAt: new Date(a.sentAt).toISOString(),
    ...(a.draftKey === null ? {} : { draftKey: a.draftKey }),
    sender: a.sender,
    senderName: a.senderName,
    status: a.status,
  };
}
