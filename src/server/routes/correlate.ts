/**
 * POST /v1/correlate: what an incoming message answers. Token first; without a token of ours,
 * smart matching (core's matchMessage: same normalized subject, at least MIN_SHARED_ADDRESSES
 * shared addresses). The store only narrows the candidates by token or subject key.
 */
import type { ContractRoutes } from "./typeProvider";
import { asciiLowerCase, findTokens, matchMessage, matchableSubject } from "../../core";
import type { ActivityLike, MessageLike } from "../../core";
import { activityView } from "../activityView";
import { ROUTES } from "../../contract";
import type { ActivityRecord } from "../store/types";
import type { RouteContext } from "./context";

/** Smart-match candidates read per request: the most recent activities with the same subject. */
const SMART_MATCH_CANDIDATES = 200;
/** Candidates from any one sender: one user's records cannot crowd out everyone else's. */
const SMART_MATCH_CANDIDATES_PER_SENDER = 20;

type Candidate = ActivityLike & { readonly record: ActivityRecord };

export function correlateRoutes({ store, settings }: RouteContext): ContractRoutes {
  return async (app) => {
    app.post(ROUTES.correlate.url, { schema: ROUTES.correlate.schema }, async (request) => {
      const message: MessageLike = request.body;
      const tokens = findTokens(message.subject, settings);
      let records: ActivityRecord[];
      if (tokens.length > 0) {
        records = await store.activitiesByToken([...new Set(tokens.map((t) => asciiLowerCase(t.text)))]);
      } else {
        const subjectKey = matchableSubject(message.subject, settings);
        records = subjectKey === "" ? [] : await store.activitiesBySubject(subjectKey, SMART_MATCH_CANDIDATES, SMART_MATCH_CANDIDATES_PER_SENDER);
      }
      // Only a sent activity answers mail (docs/DESIGN.md §5); a stamped draft never sent shared nothing.
      const candidates: Candidate[] = records.filter((record) => record.status === "sent").map((record) => ({ ...record, stampedAt: record.sentAt, record }));
      const first = matchMessage(message, candidates, settings)?.[0];
      if (first === undefined) return { match: null };
      if (first.method === "token") return { match: { method: "token" as const, activity: activityView(first.activity.record) } };
      return { match: { method: "smart match" as const, activity: activityView(first.activity.record), sharedAddresses: first.sharedAddresses } };
    });
  };
}
