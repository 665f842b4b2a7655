/** The activities table's row shape, the same in both backends, and its mapping to ActivityRecord. */
import type { ActivityRecord } from "./types";

export type ActivityRow = {
  token_key: string;
  token: string;
  designator: number;
  user_number: number;
  counter: number;
  subject: string;
  subject_key: string;
  to_json: string;
  cc_json: string;
  sent_at: number;
  draft_key: string | null;
  sender_key: string;
  sender: string;
  sender_name: string | null;
  status: string;
  finalized_at: number | null;
};


export const ACTIVITY_COLUMNS =
  "token_key, token, designator, user_number, counter, subject, subject_key, to_json, cc_json, sent_at, draft_key, sender_key, sender, sender_name, status, finalized_at";

export function toRow(a: ActivityRecord, recordedAt: number): Record<string, unknown> {
  return {
    tokenKey: a.tokenKey,
    token: a.token,
    designator: a.designator,
    user: a.user,
    counter: a.counter,
    subject: a.subject,
    subjectKey: a.subjectKey,
    toJson: JSON.stringify(a.to),
    ccJson: JSON.stringify(a.cc),
    sentAt: a.sentAt,
    draftKey: a.draftKey,
    senderKey: a.senderKey,
    sender: a.sender,
    senderName: a.senderName,
    status: a.status,
    recordedAt,
  };
}

export function fromRow(row: ActivityRow): ActivityRecord {
  return {
    token: row.token,
    tokenKey: row.token_key,
    designator: row.designator === 1 ? 1 : 0,
    user: Number(row.user_number),
    counter: row.counter,
    subject: row.subject,
    subjectKey: row.subject_key,
    to: JSON.parse(row.to_json) as string[],
    cc: JSON.parse(row.cc_json) as string[],
    sentAt: Number(row.sent_at),
    draftKey: row.draft_key,
    senderKey: row.sender_key,
    sender: row.sender,
    senderName: row.sender_name,
    status: row.status === "issued" ? "issued" : "sent",
    ...(row.finalized_at === null || row.finalized_at === undefined ? {} : { finalizedAt: Number(row.finalized_at) }),
  };
}

