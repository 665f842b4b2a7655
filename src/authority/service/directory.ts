/**
 * The read pane's view of the tracking service: what a token answers, and what a message without
 * a token may answer (smart match), for activities stamped by anyone in the deployment.
 */
import { parseToken } from "../../core";
import type { ActivityLike, MessageLike, Settings } from "../../core";
import type { ServiceClient } from "./client";
import { ServiceError } from "./errors";
import type { Deployment, ServiceActivity } from "./types";

/** An activity as the service knows it: the matching fields, plus who sent it. */
export type DirectoryActivity = ActivityLike & {
  /** The sender's display name, when the service knows it. */
  readonly senderName?: string;
};

export type DirectoryMatch =
  | { readonly method: "token"; readonly activity: DirectoryActivity }
  | { readonly method: "smart match"; readonly activity: DirectoryActivity; readonly sharedAddresses: readonly string[] };

/** Looks activities up beyond this device. Rejects (ServiceUnreachableError, ServiceError...) when it cannot answer. */
export interface ActivityDirectory {
  /** Words for the user: "tracking service". */
  readonly label: string;
  /** The activity stamped with `token`; undefined when nobody recorded it. */
  byToken(token: string, settings: Settings): Promise<DirectoryActivity | undefined>;
  /** What `message` answers by the service's correlation (token first, then smart matching); undefined when nothing. */
  correlate(message: MessageLike, settings: Settings): Promise<DirectoryMatch | undefined>;
  /** The deployment's settings, which the pane follows (docs/NUMBERING.md); absent where the directory has none. */
  deployment?(): Promise<Deployment>;
}

export function createServiceDirectory(client: Pick<ServiceClient, "activity" | "correlate"> & Partial<Pick<ServiceClient, "deployment">>): ActivityDirectory {
  const { deployment } = client;
  return {
    label: "tracking service",
    ...(deployment ? { deployment: () => deployment.call(client) } : {}),
    async byToken(token, settings) {
      let found;
      try {
        found = await client.activity(token);
      } catch (error) {
        // A token the service cannot read as one of its own (a prefix it never used): it holds no record of it.
        if (error instanceof ServiceError && error.status === 400) return undefined;
        throw error;
      }
      if (found === undefined) return undefined;
      if (found.status === "issued") return issuedActivity(found.token, settings);
      return directoryActivity(found, settings);
    },
    async correlate(message, settings) {
      const match = await client.correlate({ subject: message.subject, from: message.from ?? "", to: message.to, cc: message.cc });
      if (match === null) return undefined;
      const activity = directoryActivity(match.activity, settings);
      return match.method === "token" ? { method: "token", activity } : { method: "smart match", activity, sharedAddresses: match.sharedAddresses };
    },
  };
}

/** A token stamped on a draft not sent (yet): only the token is known; it answers nothing. */
function issuedActivity(token: string, settings: Settings): DirectoryActivity {
  const parts = parseToken(token, settings);
  return { token, designator: parts?.designator ?? 0, user: parts?.user ?? 0, counter: parts?.counter ?? 0, subject: "", to: [], cc: [], sender: "", stampedAt: 0, status: "issued" };
}

/** The token's parts come from the token itself, decoded with this user's settings (the service's fields when it cannot be). */
function directoryActivity(found: ServiceActivity, settings: Settings): DirectoryActivity {
  const parts = parseToken(found.token, settings);
  return {
    token: found.token,
    designator: parts?.designator ?? found.designator ?? 0,
    user: parts?.user ?? 0,
    counter: parts?.counter ?? 0,
    subject: found.subject,
    to: found.to,
    cc: found.cc,
    sender: found.sender,
    stampedAt: found.sentAt,
    sentAt: found.sentAt,
    status: "sent",
    ...(found.senderName !== undefined ? { senderName: found.senderName } : {}),
  };
}
