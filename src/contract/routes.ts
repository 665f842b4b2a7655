/**
 * Every route of the service (docs/SERVICE-API.md, Routes): its method, its path under /v1, the
 * schemas Fastify validates and serializes with, and the statuses it answers beside its replies'
 * and the refusals every route may give (400, 401, 413, 415, 429, 500, 503). The service registers
 * each with its `schema`; test/unit/contract/serviceApiDoc.test.ts holds the document to this table.
 */
import * as s from "./replies";
import * as r from "./requests";

export type RouteContract = {
  readonly method: "GET" | "POST";
  /** Under /v1, in Fastify's form ("/activities/:token"). */
  readonly url: string;
  readonly schema: {
    readonly body?: object;
    readonly params?: object;
    readonly response: Readonly<Record<number, object>>;
  };
  /** Statuses it answers beside its replies' (a 204 without a body, refusals particular to it). */
  readonly otherStatuses: readonly number[];
};

export const ROUTES = {
  healthLive: { method: "GET", url: "/health/live", schema: { response: { 200: s.healthReply } }, otherStatuses: [] },
  healthReady: { method: "GET", url: "/health/ready", schema: { response: { 200: s.healthReply } }, otherStatuses: [503] },
  health: { method: "GET", url: "/health", schema: { response: { 200: s.healthReply } }, otherStatuses: [503] },
  devToken: { method: "POST", url: "/dev/token", schema: { body: r.devTokenBody, response: { 200: s.devTokenReply } }, otherStatuses: [403] },
  devReset: { method: "POST", url: "/dev/reset", schema: { body: r.emptyBody, response: {} }, otherStatuses: [204, 403, 404] },
  signIn: { method: "GET", url: "/sign-in", schema: { response: { 200: s.signInReply } }, otherStatuses: [404] },
  deployment: { method: "GET", url: "/deployment", schema: { response: { 200: s.deploymentReply } }, otherStatuses: [] },
  register: { method: "POST", url: "/users/me", schema: { body: r.registerBody, response: { 200: s.registerReply } }, otherStatuses: [409] },
  nextCounter: { method: "POST", url: "/counters/next", schema: { body: r.emptyBody, response: { 200: s.allocationReply } }, otherStatuses: [409] },
  reserve: { method: "POST", url: "/reserves", schema: { body: r.reserveBody, response: { 201: s.reserveReply } }, otherStatuses: [409] },
  recordActivity: {
    method: "POST",
    url: "/activities",
    schema: { body: r.activityBody, response: { 200: s.duplicateReply, 201: s.storedReply } },
    otherStatuses: [403, 409],
  },
  finalizeActivity: {
    method: "POST",
    url: "/activities/:token/sent",
    schema: { params: r.tokenParams, body: r.sentBody, response: { 200: s.finalizeAgainReply, 201: s.finalizedReply } },
    otherStatuses: [403, 409],
  },
  activity: { method: "GET", url: "/activities/:token", schema: { params: r.tokenParams, response: { 200: s.tokenLookupReply } }, otherStatuses: [404] },
  correlate: { method: "POST", url: "/correlate", schema: { body: r.correlateBody, response: { 200: s.correlationReply } }, otherStatuses: [] },
} as const satisfies Record<string, RouteContract>;
