import { AccessTokenError } from "../../../src/office/accessToken";
import type { AccessTokenSource } from "../../../src/office/accessToken";
import { createLayeredTokenSource, SignInError } from "../../../src/office/layeredTokenSource";
import type { SignInPath } from "../../../src/office/layeredTokenSource";
import { signInThroughDialog } from "../../../src/office/officeDialog";
import { FakeDialogHost, FakeNestableClient } from "../../fakes";
import type { FakeDialogScript, FakeMsalOutcome } from "../../fakes";

const SCOPE = "api://addin.contoso.com/11111111-2222-3333-4444-555555555555/access_as_user";

type Setup = {
  naa?: boolean;
  silent?: FakeMsalOutcome;
  popup?: FakeMsalOutcome;
  dialog?: () => Promise<string>;
  interactive?: boolean;
  legacy?: AccessTokenSource;
};

function setup({ naa = true, silent = { token: "naa-silent-token" }, popup, dialog, interactive = true, legacy }: Setup = {}) {
  const client = new FakeNestableClient(popup ? { silent, popup } : { silent });
  const paths: SignInPath[] = [];
  let loads = 0;
  const legacyCalls: string[] = [];
  const source = createLayeredTokenSource({
    naaSupported: () => naa,
    loadNestableClient: async () => {
      loads++;
      return client;
    },
    scopes: [SCOPE],
    legacy: legacy ?? { getToken: async () => (legacyCalls.push("sso"), "legacy-sso-token") },
    ...(dialog ? { dialog } : {}),
    interactive,
    onPath: (path) => paths.push(path),
  });
  return { source, client, paths, loads: () => loads, legacyCalls };
}

async function failureOf(promise: Promise<unknown>): Promise<SignInError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SignInError)) throw new Error(`expected a SignInError, got ${String(error)}`);
  return error;
}

describe("the service's token source: NAA first, legacy SSO second, the Office dialog last", () => {
  it("takes MSAL's silent token for the service's scope when NestedAppAuth 1.1 is supported", async () => {
    const { source, client, paths, legacyCalls } = setup();
    await expect(source.getToken()).resolves.toBe("naa-silent-token");
    expect(client.calls).toEqual([{ method: "silent", scopes: [SCOPE] }]);
    expect(paths).toEqual(["naa-silent"]);
    expect(legacyCalls).toEqual([]);
  });

  it("uses Office's legacy SSO, and never loads MSAL, where NAA is not supported", async () => {
    const { source, paths, loads } = setup({ naa: false });
    await expect(source.getToken()).resolves.toBe("legacy-sso-token");
    expect(paths).toEqual(["office-sso"]);
    expect(loads()).toBe(0);
  });

  it("passes the legacy source's own error through (its SSO code and message)", async () => {
    const legacy = { getToken: () => Promise.reject(new AccessTokenError("You are not signed in to Office (13001).", 13001)) };
    const { source } = setup({ naa: false, legacy });
    await expect(source.getToken()).rejects.toMatchObject({ code: 13001, message: expect.stringContaining("13001") });
  });

  it("opens MSAL's popup when the silent request needs interaction", async () => {
    const { source, client, paths } = setup({ silent: { errorCode: "interaction_required" }, popup: { token: "popup-token" } });
    await expect(source.getToken()).resolves.toBe("popup-token");
    expect(client.calls.map((c) => c.method)).toEqual(["silent", "popup"]);
    expect(paths).toEqual(["naa-popup"]);
  });

  it("signs in through the Office dialog when the popup is blocked", async () => {
    const { source, paths } = setup({ silent: { errorCode: "login_required" }, popup: { errorCode: "popup_window_error" }, dialog: async () => "dialog-token" });
    await expect(source.getToken()).resolves.toBe("dialog-token");
    expect(paths).toEqual(["office-dialog"]);
  });

  it("says to allow pop-ups when the popup is blocked and there is no dialog", async () => {
    const { source } = setup({ silent: { errorCode: "interaction_required" }, popup: { errorCode: "empty_window_error" } });
    const error = await failureOf(source.getToken());
    expect(error.reason).toBe("popup-blocked");
    expect(error.message).toMatch(/Allow pop-ups/);
  });

  it("names refused consent and who can grant it", async () => {
    const { source } = setup({ silent: { errorCode: "consent_required" }, popup: { errorCode: "access_denied", message: "AADSTS65004: User declined to consent" } });
    const error = await failureOf(source.getToken());
    expect(error.reason).toBe("consent-refused");
    expect(error.message).toMatch(/consent was refused.*admin/);
  });

  it("says the user cancelled when they closed the sign-in", async () => {
    const { source } = setup({ silent: { errorCode: "interaction_required" }, popup: { errorCode: "user_cancelled" } });
    expect((await failureOf(source.getToken())).reason).toBe("cancelled");
  });

  it("reports offline without trying interaction when the network is down", async () => {
    const { source, client } = setup({ silent: { errorCode: "no_network_connectivity" }, popup: { token: "never" } });
    const error = await failureOf(source.getToken());
    expect(error.reason).toBe("offline");
    expect(error.message).toMatch(/offline/);
    expect(client.calls.map((c) => c.method)).toEqual(["silent"]);
  });

  it("in the send handler asks silently only, and says the message was numbered offline", async () => {
    const { source, client } = setup({ interactive: false, silent: { errorCode: "interaction_required" }, popup: { token: "never" }, dialog: async () => "never" });
    const error = await failureOf(source.getToken());
    expect(error.reason).toBe("interaction-required");
    expect(error.message).toMatch(/numbered offline/);
    expect(client.calls.map((c) => c.method)).toEqual(["silent"]);
  });

  it("in the send handler still takes a silent token", async () => {
    const { source, paths } = setup({ interactive: false });
    await expect(source.getToken()).resolves.toBe("naa-silent-token");
    expect(paths).toEqual(["naa-silent"]);
  });

  it("reports a dialog failure as a sign-in failure, not a crash", async () => {
    const { source } = setup({ silent: { errorCode: "interaction_required" }, popup: { errorCode: "popup_window_error" }, dialog: () => Promise.reject(new Error("12006")) });
    const error = await failureOf(source.getToken());
    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error.message).toMatch(/Office dialog failed/);
  });

  it("reports MSAL failing to load", async () => {
    const source = createLayeredTokenSource({
      naaSupported: () => true,
      loadNestableClient: () => Promise.reject(new Error("ChunkLoadError")),
      scopes: [SCOPE],
      legacy: { getToken: async () => "unused" },
      interactive: true,
    });
    expect((await failureOf(source.getToken())).message).toMatch(/MSAL could not start.*ChunkLoadError/);
  });

  describe("popup blocked: the Office dialog's outcome, each with its own message", () => {
    const blocked = { silent: { errorCode: "interaction_required" }, popup: { errorCode: "popup_window_error" } } as const;
    const throughDialog = (script: FakeDialogScript) => {
      const host = new FakeDialogHost(script);
      return { host, ...setup({ ...blocked, dialog: () => signInThroughDialog(host, "https://addin.contoso.com/sign-in-dialog.html") }) };
    };

    it("signs in through the dialog and says so", async () => {
      const { source, paths, client, host } = throughDialog({ answer: { status: "signed-in", accessToken: "dialog-token" } });
      await expect(source.getToken()).resolves.toBe("dialog-token");
      expect(client.calls.map((c) => c.method)).toEqual(["silent", "popup"]);
      expect(host.opened).toHaveLength(1);
      expect(paths).toEqual(["office-dialog"]);
    });

    it.each([
      ["closed by the user (12006)", { event: 12006 }, "cancelled", /Sign-in was cancelled/],
      ["blocked by the browser (12009)", { openFails: 12009 }, "dialog-blocked", /browser blocked it.*Allow/],
      ["consent refused on the page", { answer: { status: "failed", errorCode: "access_denied", message: "AADSTS65004: User declined to consent" } }, "consent-refused", /consent was refused/],
      ["offline on the page", { answer: { status: "failed", errorCode: "no_network_connectivity", message: "offline" } }, "offline", /offline/],
    ] satisfies [string, FakeDialogScript, string, RegExp][])("fails when the dialog is %s", async (_case, script, reason, message) => {
      const { source, paths } = throughDialog(script);
      const error = await failureOf(source.getToken());
      expect(error.reason).toBe(reason);
      expect(error.message).toMatch(/^Sign-in through the Office dialog failed: /);
      expect(error.message).toMatch(message);
      expect(paths).toEqual([]);
    });

    it("never opens the dialog when the popup failed for another reason", async () => {
      const host = new FakeDialogHost({ answer: { status: "signed-in", accessToken: "never" } });
      const { source } = setup({ silent: { errorCode: "interaction_required" }, popup: { errorCode: "user_cancelled" }, dialog: () => signInThroughDialog(host, "x") });
      expect((await failureOf(source.getToken())).reason).toBe("cancelled");
      expect(host.opened).toEqual([]);
    });
  });
});
