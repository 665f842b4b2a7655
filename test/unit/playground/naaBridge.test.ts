/** @jest-environment jsdom */
/** The playground's host side of nested app authentication: MSAL's request envelopes in, response envelopes out. */
import { createNestedAppAuthBridge, PLAYGROUND_TENANT_ID } from "../../../src/playground/outlookHost/naaBridge";
import type { PaneWindow } from "../../../src/playground/outlookHost/paneDevice";
import { MailboxModel } from "../../../src/playground/model/mailboxModel";
import type { NestedAppAuthBehaviour } from "../../../src/playground/model/types";

const claims = { oid: "0a0b0c0d-0000-4000-8000-000000000001", preferred_username: "pat.seller@contoso.com", exp: Math.floor(Date.now() / 1000) + 3600 };
const devToken = `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.signature`;

function memoryStorage() {
  const values = new Map<string, string>();
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), removeItem: (k: string) => void values.delete(k) };
}

function setup(nestedAppAuth: NestedAppAuthBehaviour = "answers") {
  const model = new MailboxModel({ storage: memoryStorage(), accessTokens: async () => devToken });
  model.simulator.setOptions({ nestedAppAuth });
  const bridge = createNestedAppAuthBridge({ win: window as PaneWindow, host: model.host });
  const ask = (method: string, tokenParams?: object) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const requestId = `${method}-${Math.random()}`;
      const listener = (response: string | { data: string }) => {
        const envelope = JSON.parse(typeof response === "string" ? response : response.data) as Record<string, unknown>;
        if (envelope["requestId"] !== requestId) return;
        bridge.removeEventListener("message", listener);
        resolve(envelope);
      };
      bridge.addEventListener("message", listener);
      bridge.postMessage(JSON.stringify({ messageType: "NestedAppAuthRequest", method, requestId, tokenParams }));
    });
  return { model, ask };
}

const request = { clientId: "tracking-tokens-dev", scope: "api://tracking-tokens-dev/access_as_user", correlationId: "c" };

test("GetInitContext answers with the host's SDK", async () => {
  const { ask } = setup();
  expect(await ask("GetInitContext")).toMatchObject({ messageType: "NestedAppAuthResponse", success: true, initContext: { sdkName: "tracking-tokens-playground" } });
});

test("GetToken answers with the development token, the user's account and an ID token for the client; the path is NAA", async () => {
  const { ask, model } = setup();
  const answer = await ask("GetToken", request);
  expect(answer).toMatchObject({ success: true, token: { access_token: devToken, scope: request.scope }, account: { username: model.user.emailAddress, localAccountId: claims.oid, tenantId: PLAYGROUND_TENANT_ID } });
  const idToken = String((answer["token"] as { id_token: string }).id_token);
  expect(JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString())).toMatchObject({ aud: "tracking-tokens-dev", oid: claims.oid, preferred_username: model.user.emailAddress });
  expect(model.getState().signInPath).toBe("NAA");
});

test("interaction required: GetToken refuses as MSAL expects, GetTokenPopup signs in", async () => {
  const { ask, model } = setup("interaction-required");
  expect(await ask("GetToken", request)).toMatchObject({ success: false, error: { status: "USER_INTERACTION_REQUIRED", code: "interaction_required" } });
  expect(await ask("GetTokenPopup", request)).toMatchObject({ success: true, token: { access_token: devToken } });
  expect(model.getState().signInPath).toBe("NAA popup");
});

test("consent refused: silently consent_required, then access_denied from the popup; no sign-in recorded", async () => {
  const { ask, model } = setup("consent-refused");
  expect(await ask("GetToken", request)).toMatchObject({ success: false, error: { status: "USER_INTERACTION_REQUIRED", code: "consent_required" } });
  expect(await ask("GetTokenPopup", request)).toMatchObject({ success: false, error: { status: "PERSISTENT_ERROR", code: "access_denied", description: expect.stringMatching(/AADSTS65004/) } });
  expect(model.getState().signInPath).toBeNull();
});

test("offline: NO_NETWORK", async () => {
  const { ask, model } = setup();
  model.simulator.setOffline(true);
  expect(await ask("GetToken", request)).toMatchObject({ success: false, error: { status: "NO_NETWORK" } });
});
