/**
 * Who is calling: the identity in a verified bearer token, never a field of the body.
 * Production verifies Microsoft Entra ID access tokens against the tenant's JWKS; development
 * verifies tokens signed with a local key (devAuth.ts). Both sit behind TokenVerifier, and a
 * bounded cache in front keeps signature checks off the allocation hot path.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from "jose";
import type { JWTPayload, JWTVerifyGetKey, CryptoKey as JoseCryptoKey } from "jose";
import { AuthUnavailableError, UnauthorizedError } from "./errors";

export type Caller = {
  /** Stable identity: the `oid` claim (Entra's object ID), else `sub`. */
  readonly key: string;
  /** `preferred_username`, else `upn`, else `email`, lower-cased. */
  readonly mailbox: string;
  readonly name: string | null;
  /** When the token expires, ms since the epoch. */
  readonly expiresAt: number;
};

export interface TokenVerifier {
  /** The caller a bearer token names; throws UnauthorizedError when it does not verify. */
  verify(token: string): Promise<Caller>;
}

export type Clock = () => number;

export type VerifyOptions = {
  readonly audience: string;
  readonly issuer: string;
  readonly algorithms: readonly string[];
  readonly clock: Clock;
};

export type JwksOptions = {
  /** A fetch of the key set is abandoned after this. @default 5000 */
  readonly timeoutMs?: number;
  /** An unknown key ID refetches the set at most this often (key rotation). @default 30000 */
  readonly cooldownMs?: number;
};

/** Entra ID access tokens: RS256 signatures from the tenant's published keys (fetched and cached by jose). */
export function jwksVerifier(jwksUrl: string, options: Omit<VerifyOptions, "algorithms"> & JwksOptions): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: options.timeoutMs ?? 5000, cooldownDuration: options.cooldownMs ?? 30_000 });
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      // Only a token naming a key the authority does not publish is the caller's fault; a set we
      // could not fetch, parse or use, or an empty one, is an outage (503), never "not signed in".
      const published = keys.jwks()?.keys.length ?? 0;
      if ((error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) && published > 0) throw error;
      throw new AuthUnavailableError(
        `The bearer token could not be checked: the signing keys at ${jwksUrl} ${published === 0 && error instanceof joseErrors.JWKSNoMatchingKey ? "are an empty set" : `could not be fetched (${describeKeyFailure(error)})`}. Try again shortly.`,
      );
    }
  };
  return keyVerifier(getKey, { ...options, algorithms: ["RS256"] });
}

function describeKeyFailure(error: unknown): string {
  if (error instanceof joseErrors.JWKSTimeout) return "no answer in time";
  if (error instanceof joseErrors.JWKSInvalid) return "not a JSON Web Key Set";
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  if (typeof cause === "string") return cause;
  return error instanceof Error ? error.message : String(error);
}

/** Tokens signed by one key or a key set, checked for signature, audience, issuer and expiry. */
export function keyVerifier(key: JoseCryptoKey | JWTVerifyGetKey, options: VerifyOptions): TokenVerifier {
  return {
    async verify(token: string): Promise<Caller> {
      let payload: JWTPayload;
      try {
        const verifyOptions = {
          audience: options.audience,
          issuer: options.issuer,
          algorithms: [...options.algorithms],
          currentDate: new Date(options.clock()),
          requiredClaims: ["exp"],
        };
        // jose's overloads differ by key kind; both are the same call.
        payload = (typeof key === "function" ? await jwtVerify(token, key, verifyOptions) : await jwtVerify(token, key, verifyOptions)).payload;
      } catch (error) {
        // The authority's keys could not be fetched: the caller is not at fault, so not a 401.
        if (error instanceof AuthUnavailableError) throw error;
        if (!(error instanceof joseErrors.JOSEError)) {
          throw new AuthUnavailableError("The bearer token could not be checked: the signing keys could not be fetched. Try again shortly.");
        }
        throw new UnauthorizedError(describeJoseError(error));
      }
      return callerFromClaims(payload);
    },
  };
}

/** The caller named by verified claims (docs/SERVICE-API.md, Identity). */
export function callerFromClaims(payload: JWTPayload): Caller {
  const key = stringClaim(payload, "oid") ?? payload.sub;
  if (key === undefined || key === "") throw new UnauthorizedError("The bearer token has no oid or sub claim, so it names nobody; use an access token issued for this service.");
  const mailbox = stringClaim(payload, "preferred_username") ?? stringClaim(payload, "upn") ?? stringClaim(payload, "email");
  if (mailbox === undefined || mailbox === "") {
    throw new UnauthorizedError("The bearer token has no preferred_username, upn or email claim, so the service cannot tell the caller's mailbox.");
  }
  const exp = payload.exp;
  return {
    key,
    mailbox: mailbox.toLowerCase(),
    name: stringClaim(payload, "name") ?? null,
    expiresAt: typeof exp === "number" ? exp * 1000 : Number.POSITIVE_INFINITY,
  };
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === "string" ? value : undefined;
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "The bearer token has expired; sign in again to get a new one.";
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return `The bearer token's "${error.claim}" claim is not accepted (${error.reason}): it was not issued for this service.`;
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "The bearer token's signature does not verify: it was not issued by the configured authority.";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "The bearer token is signed with a key the authority does not publish.";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "The bearer token is signed with an algorithm this service does not accept.";
  return "The bearer token is not a valid JWT; send Authorization: Bearer <access token>.";
}

export type CachedVerifierOptions = {
  readonly clock: Clock;
  /** Entries kept at most; the oldest is dropped first. @default 10000 */
  readonly maxEntries?: number;
};

/**
 * Remembers verified tokens until they expire, keyed by the token string itself (a forged token
 * is a different string, so it never hits). Failures are not cached: they are cheap to repeat
 * and a JWKS fetch failure must not stick.
 */
export function cachedVerifier(inner: TokenVerifier, { clock, maxEntries = 10_000 }: CachedVerifierOptions): TokenVerifier {
  const cache = new Map<string, Caller>();
  return {
    async verify(token: string): Promise<Caller> {
      const hit = cache.get(token);
      if (hit !== undefined) {
        if (hit.expiresAt > clock()) return hit;
        cache.delete(token);
      }
      const caller = await inner.verify(token);
      if (cache.size >= maxEntries) {
        const oldest = cache.keys().next();
        if (oldest.done !== true) cache.delete(oldest.value);
      }
      cache.set(token, caller);
      return caller;
    },
  };
}

/** The token in an Authorization header; throws UnauthorizedError when there is none. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === "") {
    throw new UnauthorizedError("Send Authorization: Bearer <access token>; this route needs a signed-in caller.");
  }
  const match = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
  if (match?.[1] === undefined) throw new UnauthorizedError('The Authorization header must be "Bearer <access token>".');
  return match[1];
}
