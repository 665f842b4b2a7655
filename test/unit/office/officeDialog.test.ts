import { DialogSignInError, signInDialogUrl, signInThroughDialog } from "../../../src/office/officeDialog";
import { FakeDialogHost } from "../../fakes";
import type { FakeDialogScript } from "../../fakes";

const URL_ = "https://addin.contoso.com/sign-in-dialog.html?clientId=c&scope=s";

async function errorOf(script: FakeDialogScript): Promise<{ error: DialogSignInError; host: FakeDialogHost }> {
  const host = new FakeDialogHost(script);
  const error = await signInThroughDialog(host, URL_).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DialogSignInError)) throw new Error(`expected a DialogSignInError, got ${String(error)}`);
  return { error, host };
}

describe("sign-in through Office's dialog", () => {
  it("resolves with the access token the sign-in page sends, and closes the dialog", async () => {
    const host = new FakeDialogHost({ answer: { status: "signed-in", accessToken: "dialog-token" } });
    await expect(signInThroughDialog(host, URL_)).resolves.toBe("dialog-token");
    expect(host.opened).toEqual([URL_]);
    expect(host.closed).toBe(1);
  });

  it.each([
    ["the user closed the dialog (12006)", { event: 12006 }, "user_cancelled"],
    ["the user ignored Office's prompt (12009)", { openFails: 12009 }, "dialog_blocked"],
    ["the browser blocks pop-ups (12011)", { openFails: 12011 }, "dialog_blocked"],
    ["another dialog is open (12007)", { openFails: 12007 }, "dialog_busy"],
    ["the page is not on the add-in's origin (12004)", { openFails: 12004 }, "dialog_page_error"],
    ["the page could not load (12002)", { event: 12002 }, "dialog_page_error"],
    ["the page answers consent refused", { answer: { status: "failed", errorCode: "access_denied", message: "AADSTS65004: User declined to consent" } }, "access_denied"],
    ["the page answers offline", { answer: { status: "failed", errorCode: "no_network_connectivity", message: "offline" } }, "no_network_connectivity"],
    ["the page answers something else", { answer: "not json" }, "dialog_failed"],
  ] satisfies [string, FakeDialogScript, string][])("fails with its own code when %s", async (_case, script, errorCode) => {
    const { error } = await errorOf(script);
    expect(error.errorCode).toBe(errorCode);
  });

  it("closes the dialog after a failure the page sent", async () => {
    const { host } = await errorOf({ event: 12006 });
    expect(host.closed).toBe(1);
  });

  it("opens the sign-in page beside the pane's page, with the registration in the query", () => {
    expect(signInDialogUrl("c-id", "api://x/c-id/access_as_user", "https://addin.contoso.com/compose.html")).toBe(
      "https://addin.contoso.com/sign-in-dialog.html?clientId=c-id&scope=api%3A%2F%2Fx%2Fc-id%2Faccess_as_user",
    );
  });
});
