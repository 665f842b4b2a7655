/** Typed errors of the tracking service client: callers tell "it said no" from "it did not answer". */

/** The service answered with an error (docs/SERVICE-API.md: `{ error, message, field? }`). */
export class ServiceError extends Error {
  override name = "ServiceError";
  constructor(
    message: string,
    /** The HTTP status. */
    readonly status: number,
    /** The service's error code, e.g. "conflict", "counter-exhausted"; "http-<status>" when the body had none. */
    readonly code: string,
    /** The request field the error names, when it names one. */
    readonly field?: string,
    /** Seconds to wait, from Retry-After (429, 503). */
    readonly retryAfterSeconds?: number,
    /** A 409's activity that already holds the token. */
    readonly holder?: TokenHolder,
  ) {
    super(message);
  }

  /** The request itself is wrong (4xx other than 401, 408, 429): sending it again gives the same answer. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && ![401, 408, 429].includes(this.status);
  }
}

/** No answer: the network failed, the service is down, or CORS refused the origin. */
export class ServiceUnreachableError extends Error {
  override name = "ServiceUnreachableError";
}

/** No answer within the time allowed; the request was aborted. */
export class ServiceTimeoutError extends ServiceUnreachableError {
  override name = "ServiceTimeoutError";
  constructor(
    readonly timeoutMs: number,
    what: string,
  ) {
    super(`The tracking service did not answer ${what} within ${Number((timeoutMs / 1000).toFixed(1))} s.`);
  }
}

/** The service answered, but not as docs/SERVICE-API.md says: a version mismatch or a proxy in the way. */
export class ServiceProtocolError extends Error {
  override name = "ServiceProtocolError";
}

/**
 * The service's deployment writes tokens differently from this user's settings (prefix or digit
 * widths): tokens stamped here would not be the ones the service records, so stamping stops.
 */
/** The team turned tracking tokens off on the service (its deployment's trackingEnabled): nothing is stamped. */
export class TrackingOffError extends Error {
  override name = "TrackingOffError";
}

export class DeploymentMismatchError extends Error {
  override name = "DeploymentMismatchError";
}

/** The activity a 409 names as already holding a token: enough to tell the user which one it is. */
export type TokenHolder = { readonly subject: string; readonly sender: string; readonly senderName: string | null; readonly sentAt: string };
