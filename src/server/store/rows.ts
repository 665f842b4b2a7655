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
};


export const ACTIVITY_COLUMNS =
  "token_key, token, designator, user_number, counter, subject, subject_key, to_json, cc_json, sent_at, draft_key, sender_key, sender, sender_name";

/**
 * Smart-match candidates: the newest activities with a subject key ($1), at most $2 of them from
 * any one sender, $3 in all. One user's records cannot crowd out everyone else's.
 */
export const SUBJECT_CANDIDATES_SQL =
  `SELECT ${ACTIVITY_COLUMNS} FROM (SELECT ${ACTIVITY_COLUMNS}, id, ROW_NUMBER() OVER (PARTITION BY sender_key ORDER BY sent_at DESC, id DESC) AS sender_rank ` +
  "FROM activities WHERE subject_key = $1) AS candidates WHERE sender_rank <= $2 ORDER BY sent_at DESC, id DESC LIMIT $3";

/** Readiness: reads real pages of both tables, so a broken or vanished database fails it. */
export const PROBE_SQL =
  "SELECT (SELECT MAX(version) FROM schema_migrations) AS version, (SELECT ordinal FROM users ORDER BY ordinal DESC LIMIT 1) AS last_user, " +
  "(SELECT id FROM activities ORDER BY id DESC LIMIT 1) AS last_activity";

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
  };
}

