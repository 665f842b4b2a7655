/** Typed errors of the authorities: the stamper turns each into an outcome the pane can show. */

/** Every counter number is held by an active activity: a new token would repeat one. */
export class CounterExhaustedError extends Error {
  override name = "CounterExhaustedError";
}

/** The authority did not answer in time. */
export class AuthorityTimeoutError extends Error {
  override name = "AuthorityTimeoutError";
  constructor(
    readonly authority: string,
    readonly timeoutMs: number,
  ) {
    super(`The ${authority} did not answer within ${formatSeconds(timeoutMs)}.`);
  }
}

/** The online number was committed locally but the authority did not save it: it is used up. */
export class AuthoritySaveError extends Error {
  override name = "AuthoritySaveError";
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
