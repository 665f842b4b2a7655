/** The panes' token source: the service says what to sign in for, then NAA where the host has it, else legacy SSO. */
import { createPaneTokenSource, nestedAppAuthSupported } from "../../../src/office/nestedAppAuth";
import type { SignInPath } from "../../../src/office/layeredTokenSource";
import type { SignInConfig } from "../../../src/core/types";
import { FakeNestableClient } from "../../fakes";

const CONFIG: SignInConfig = { clientId: "11111111-2222-3333-4444-555555555555", scope: "api://addin.contoso.com/11111111-2222-3333-4444-555555555555/access_as_user" };

function setup({ config = CONFIG as SignInConfig | null, naa = true, signIn }: { config?: SignInConfig | null; naa?: boolean; signIn?: () => Promise<SignInConfig | null> } = {}) {
  const client = new FakeNestableClient({ silent: { token: "naa-token" } });
  const loadedFor: string[] = [];
  const paths: SignInPath[] = [];
  let signIns = 0;
  const source = createPaneTokenSource({
    signIn: async () => {
      signIns++;
      return signIn ? signIn() : config;
    },
    naaSupported: () => naa,
    loadNestableClient: async (clientId) => {
      loadedFor.push(clientId);
      return client;
    },
    legacy: { getToken: async () => "legacy-token" },
    onPath: (path) => paths.push(path),
  });
  return { source, client, loadedFor, paths, signIns: () => signIns };
}

test("a service naming a registration: MSAL for that client ID, the service's scope, loaded once", async () => {
  const { source, client, loadedFor, paths, signIns } = setup();
  expect(await source.getToken()).toBe("naa-token");
  expect(await source.getToken()).toBe("naa-token");
  expect(loadedFor).toEqual([CONFIG.clientId]);
  expect(client.calls.map((c) => c.scopes)).toEqual([[CONFIG.scope], [CONFIG.scope]]);
  expect(paths).toEqual(["naa-silent", "naa-silent"]);
  expect(signIns()).toBe(1);
});

test("a service naming no registration: legacy SSO, and MSAL is never loaded", async () => {
  const { source, loadedFor } = setup({ config: null });
  expect(await source.getToken()).toBe("legacy-token");
  expect(loadedFor).toEqual([]);
});

test("a host without NestedAppAuth 1.1: legacy SSO, and MSAL is never loaded", async () => {
  const { source, loadedFor, paths } = setup({ naa: false });
  expect(await source.getToken()).toBe("legacy-token");
  expect(loadedFor).toEqual([]);
  expect(paths).toEqual(["office-sso"]);
});

test("the service unreachable when asked how to sign in: this call fails, the next asks again", async () => {
  let reachable = false;
  const { source, signIns } = setup({ signIn: async () => (reachable ? CONFIG : Promise.reject(new Error("The tracking service could not be reached."))) });
  await expect(source.getToken()).rejects.toThrow("could not be reached");
  reachable = true;
  expect(await source.getToken()).toBe("naa-token");
  expect(signIns()).toBe(2);
});

test("NestedAppAuth 1.1 is read from Office.context.requirements; false before Office is ready or when it throws", () => {
  const asked: string[] = [];
  const office = (supported: boolean) => () => ({ context: { requirements: { isSetSupported: (name: string, version?: string) => (asked.push(`${name} ${version}`), supported) } } });
  expect(nestedAppAuthSupported(office(true))).toBe(true);
  expect(nestedAppAuthSupported(office(false))).toBe(false);
  expect(nestedAppAuthSupported(() => ({}))).toBe(false);
  expect(nestedAppAuthSupported(() => ({ context: { requirements: { isSetSupported: () => { throw new Error("not ready"); } } } }))).toBe(false);
  expect(asked).toEqual(["NestedAppAuth 1.1", "NestedAppAuth 1.1"]);
});
