/** The tracking service's HTTP contract (docs/SERVICE-API.md): its schemas, the types derived from them, and the add-in's check of a reply. */
export * from "./requests";
export * from "./replies";
export { ROUTES } from "./routes";
export type { RouteContract } from "./routes";
export { CHECKED_KEYWORDS, contractProblem } from "./check";
export type { CheckedSchema } from "./check";
export type * from "./types";
