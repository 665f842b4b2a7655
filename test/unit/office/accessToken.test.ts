/** Office SSO as the tracking service's token source: the options it asks with, and errors in words. */
import { AccessTokenError, createOfficeAccessTokenSource } from "../../../src/office/accessToken";
import type { OfficeRuntimeLike } from "../../../src/office/accessToken";

describe("createOfficeAccessTokenSource", () => {
  it("asks Office for a token for the add-in's own API, allowing sign-in and consent prompts", async () => {
    const getAccessToken = jest.fn(async () => "header.payload.signature");
    const source = createOfficeAccessTokenSource(() => ({ auth: { getAccessToken } }));
    await expect(source.getToken()).resolves.toBe("header.payload.signature");
    expect(getAccessToken).toHaveBeenCalledWith({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
  });

  it.each([
    [13001, /not signed in to Office \(13001\)/],
    [13002, /cancelled \(13002\)/],
    [13003, /work or school account/],
    [13000, /does not support single sign-on \(13000\)/],
    [13012, /single sign-on failed \(13012\): host says no/],
  ])("turns Office's error %i into an AccessTokenError in words", async (code, words) => {
    const runtime: OfficeRuntimeLike = { auth: { getAccessToken: () => Promise.reject(Object.assign(new Error("host says no"), { code })) } };
    const error = await createOfficeAccessTokenSource(() => runtime)
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(words) });
  });

  it("says so when the host has no OfficeRuntime, and reads the global only when asked", async () => {
    const source = createOfficeAccessTokenSource();
    await expect(source.getToken()).rejects.toThrow(/does not offer single sign-on/);
  });
});
