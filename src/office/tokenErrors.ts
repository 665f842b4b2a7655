/**
 * Tells a failure to get a token (accessToken.ts's AccessTokenError, layeredTokenSource.ts's
 * SignInError) by name, so code in the panes' first bundle need not load those modules: they come
 * with the service client's chunk (docs/BENCHMARKS.md, budgets).
 */
export function isAccessTokenError(error: unknown): error is Error {
  const name = error instanceof Error ? error.name : undefined;
  return name === "AccessTokenError" || name === "SignInError";
}
