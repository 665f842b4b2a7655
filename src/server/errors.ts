/**
 * The service's typed errors. Each HTTP error carries the status, the stable `error` code of the
 * contract (docs/SERVICE-API.md) and, for 400s, the field it is about; the error handler turns
 * them into `{ error, message, field? }` without parsing messages.
 */

/** A refusal the service answers with an HTTP status (the add-in's ServiceError is its reading of one). */
export class HttpError extends Error {
  override name = "HttpError";
  readonly statusCode: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Extra fields of the reply beside error, message and field (a conflict's holder). */
  details: Readonly<Record<string, unknown>> | undefined;

  constructor(statusCode: number, code: string, message: string, field?: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.field = field;
  }
}

/** 400: the request is understood but a field is wrong. Always names the field. */
export class BadRequestError extends HttpError {
  override name = "BadRequestError";
  constructor(field: string, message: string, code = "invalid-request") {
    super(400, code, message, field);
  }
}

/** 401: no bearer token, or one that does not verify (forged, expired, wrong audience or issuer). */
export class UnauthorizedError extends HttpError {
  override name = "UnauthorizedError";
  constructor(message: string) {
    super(401, "unauthorized", message);
  }
}

/** 403: the caller is authenticated but the data belongs to another user. */
export class ForbiddenError extends HttpError {
  override name = "ForbiddenError";
  constructor(message: string, field?: string) {
    super(403, "forbidden", message, field);
  }
}

export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(message: string) {
    super(404, "not-found", message);
  }
}

/** 409: another record already holds the token; it is never overwritten. `holder` is that record. */
export class ConflictError extends HttpError {
  override name = "ConflictError";
  constructor(message: string, field?: string, holder?: unknown) {
    super(409, "conflict", message, field);
    if (holder !== undefined) this.details = { holder };
  }
}

/** 409 counter-exhausted: every counter number belongs to an active activity (docs/DESIGN.md §4). */
export class NoFreeCounterError extends HttpError {
  override name = "NoFreeCounterError";
  constructor(message: string) {
    super(409, "counter-exhausted", message);
  }
}

/** 409: deploymentBase + the next ordinal no longer fits in userDigits. */
export class UserNumbersExhaustedError extends HttpError {
  override name = "UserNumbersExhaustedError";
  constructor(message: string) {
    super(409, "user-numbers-exhausted", message);
  }
}

/** 429, thrown by the rate limiter. */
export class RateLimitedError extends HttpError {
  override name = "RateLimitedError";
  constructor(message: string) {
    super(429, "rate-limited", message);
  }
}

/** 503: the service cannot do its work now; the caller did nothing wrong and should retry. */
export class UnavailableError extends HttpError {
  override name = "UnavailableError";
  /** Seconds the caller should wait, sent as Retry-After. */
  readonly retryAfterSeconds: number;
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(503, code, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** 503: the database cannot be read or written (gone, broken, full, unreachable). Nothing was stored. */
export class StorageUnavailableError extends UnavailableError {
  override name = "StorageUnavailableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("storage-unavailable", message, 5);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** 503: the identity provider's signing keys cannot be fetched, so no token can be checked. */
export class AuthUnavailableError extends UnavailableError {
  override name = "AuthUnavailableError";
  constructor(message: string) {
    super("auth-unavailable", message, 30);
  }
}

/** The store is missing or empty and the service was not told to create one (docs/SERVICE.md, First run). */
export class StoreMissingError extends Error {
  override name = "StoreMissingError";
}

/** The environment does not describe a service that can start; one problem per variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly problems: readonly { readonly variable: string; readonly message: string }[];

  constructor(problems: readonly { readonly variable: string; readonly message: string }[]) {
    super(`Invalid service configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`);
    this.problems = problems;
  }
}
