/** An activity as the API shows it (docs/SERVICE-API.md): ISO time, sender, no storage keys. */
import type { ActivityView } from "../contract";
import type { ActivityRecord } from "./store/types";

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
