import type { NestableClient } from "../../src/office/layeredTokenSource";

/** What one MSAL call does: hand out a token, or reject the way MSAL does (an error with errorCode). */
export type FakeMsalOutcome = { token: string } | { errorCode: string; message?: string };

/** MSAL's nestable client, scripted per call; records which calls ran and with which scopes. */
export class FakeNestableClient implements NestableClient {
  readonly calls: { method: "silent" | "popup"; scopes: string[] }[] = [];
  constructor(private readonly outcomes: { silent: FakeMsalOutcome; popup?: FakeMsalOutcome }) {}

  acquireTokenSilent(request: { scopes: string[] }): Promise<{ accessToken: string }> {
    this.calls.push({ method: "silent", scopes: request.scopes });
    return settle(this.outcomes.silent);
  }

  acquireTokenPopup(request: { scopes: string[] }): Promise<{ accessToken: string }> {
    this.calls.push({ method: "popup", scopes: request.scopes });
    return settle(this.outcomes.popup ?? { errorCode: "no_popup_scripted" });
  }
}

function settle(outcome: FakeMsalOutcome): Promise<{ accessToken: string }> {
  if ("token" in outcome) return Promise.resolve({ accessToken: outcome.token });
  return Promise.reject(Object.assign(new Error(outcome.message ?? outcome.errorCode), { errorCode: outcome.errorCode }));
}
