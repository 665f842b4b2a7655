/** What every route needs, passed in by buildApp (no globals, so tests build as many apps as they like). */
import type { FastifyRequest } from "fastify";
import type { Settings } from "../../core";
import type { Caller } from "../auth";
import type { SentAtWindow } from "../config";
import type { TrackingStore } from "../store/types";
import type { UserDirectory } from "../userDirectory";

export type RouteContext = {
  readonly store: TrackingStore;
  readonly users: UserDirectory;
  readonly settings: Settings;
  readonly clock: () => number;
  /** activeDays in ms: numbers of online activities sent within it are skipped on wrap. */
  readonly activeWindowMs: number;
  /** How far a recorded sentAt may be from the clock (docs/SERVICE.md, Input rules). */
  readonly sentAtWindow: SentAtWindow;
};

declare module "fastify" {
  interface FastifyRequest {
    /** The verified caller; set by the auth hook on every authenticated route. */
    caller: Caller | null;
  }
}

/** The verified caller. Only reachable on authenticated routes, where the hook has set it. */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw new Error("route registered outside the authenticated scope");
  return request.caller;
}
