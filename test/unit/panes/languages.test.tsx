/** @jest-environment jsdom */
/** Both panes in German, Japanese and the right-to-left pseudo-locale (docs/DESIGN.md §9). */
import { screen, within } from "@testing-library/react";
import { renderPane } from "./compose/renderPane";
import { FakeMailbox, received } from "./read/fakes";
import { renderReadPane, tokenCard } from "./read/renderPane";
import { messagesIn } from "../languages/catalogues";
import { pseudoText } from "../../../src/languages/pseudo";

describe("the compose pane in the user's language", () => {
  it("speaks German: Betreff, the button, the mode, and stamps in German", async () => {
    const { user } = renderPane({ messages: messagesIn("de", "de-DE") });
    expect(await screen.findByRole("heading", { name: "Tracking-Token" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "Betreff" })).toBeInTheDocument();
    expect(screen.getByText("Noch kein Tracking-Token im Betreff.")).toBeInTheDocument();
    expect(within(screen.getByRole("status", { name: "Token-Modus" })).getByText("Online")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Tracking-Token hinzufügen" }));
    expect(await screen.findByRole("group", { name: "Token hinzugefügt" })).toHaveTextContent(/Der Betreff endet jetzt mit CRM:\d{8}\./);
    expect(await screen.findByRole("button", { name: "Tracking-Token entfernen" })).toBeInTheDocument();
  });

  it("speaks Japanese: 件名 and 追跡トークンを追加", async () => {
    renderPane({ messages: messagesIn("ja", "ja-JP") });
    expect(await screen.findByRole("button", { name: "追跡トークンを追加" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "件名" })).toBeInTheDocument();
    expect(screen.getByText("件名にはまだ追跡トークンがありません。")).toBeInTheDocument();
  });

  it("lays the pane out right to left in the mirrored pseudo-locale, every word made from English", async () => {
    const { view } = renderPane({ messages: messagesIn("qps-plocm") });
    expect(await screen.findByRole("button", { name: pseudoText("Add tracking token") })).toBeInTheDocument();
    const root = view.container.querySelector("[dir]");
    expect(root).toHaveAttribute("dir", "rtl");
  });
});

describe("the read pane in the user's language", () => {
  it("explains a near miss in German", async () => {
    renderReadPane({ mailbox: new FakeMailbox(received("Angebot CRM:0002100")), messages: messagesIn("de", "de-DE") });
    expect(await screen.findByRole("heading", { name: "Beinahe-Treffer" })).toBeInTheDocument();
    expect(screen.getByText(/Vielleicht stammt es aus einer früheren Stelleneinstellung: 7 Ziffern, jetzt 8\./)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Kein Tracking-Token in diesem Betreff" })).toBeInTheDocument();
  });

  it("decodes a token in Japanese, its parts named as 件名's pane names them", async () => {
    renderReadPane({ mailbox: new FakeMailbox(received("RE: 見積もり CRM:00021003")), messages: messagesIn("ja", "ja-JP") });
    const card = await tokenCard("CRM:00021003");
    expect(within(card).getByRole("button", { name: "CRM:00021003 をコピー" })).toBeInTheDocument();
    expect(within(card).getByText("ユーザー番号")).toBeInTheDocument();
    expect(screen.getByText("件名: RE: 見積もり CRM:00021003")).toBeInTheDocument();
  });

  it("mirrors the read pane for a right-to-left language", async () => {
    const { container } = renderReadPane({ mailbox: new FakeMailbox(received("CRM:00021003")), messages: messagesIn("qps-plocm") });
    await tokenCard("CRM:00021003");
    expect(container.querySelector("[dir]")).toHaveAttribute("dir", "rtl");
    expect(screen.getByRole("heading", { level: 1, name: pseudoText("Tracking tokens") })).toBeInTheDocument();
  });
});
