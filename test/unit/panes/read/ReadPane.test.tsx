/** @jest-environment jsdom */
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_SETTINGS, validateSettings } from "../../../../src/core/index";
import type { Settings } from "../../../../src/core/index";
import type { ComposeItemPort } from "../../../../src/office/ports";
import type { ActivityLog } from "../../../../src/storage/ports";
import { CUSTOMER, FakeActivityLog, FakeMailbox, ME, fakeSettings, received, sentActivity } from "./fakes";
import { renderReadPane, termsOf, tokenCard } from "./renderPane";
import { messagesIn } from "../../languages/catalogues";

const quote = sentActivity({ token: "CRM:00021003", cc: ["carl@contoso.com"] });

const renderPane = (props: Parameters<typeof renderReadPane>[0]) => renderReadPane({ activityLog: new FakeActivityLog([quote]), ...props });

function partsOf(card: HTMLElement, token: string): Record<string, string> {
  return termsOf(within(card).getByRole("group", { name: `Parts of ${token}` }));
}

function withHistory(): Settings {
  const result = validateSettings({ ...DEFAULT_SETTINGS, prefix: "TT-", prefixHistory: ["CRM:"] });
  if (!result.ok) throw new Error("bad test settings");
  return result.settings;
}

describe("ReadPane", () => {
  it("shows a loading state while it looks the message up", async () => {
    const log = new FakeActivityLog([quote]);
    let open!: () => void;
    log.gate = new Promise((resolve) => (open = resolve));
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote CRM:00021003")), activityLog: log });
    expect(screen.getByRole("heading", { level: 1, name: "Tracking tokens" })).toBeInTheDocument();
    expect(screen.getByText("Reading the message…")).toBeInTheDocument();
    await act(async () => open());
    expect(await screen.findByRole("heading", { level: 3, name: "CRM:00021003" })).toBeInTheDocument();
    expect(screen.queryByText("Reading the message…")).not.toBeInTheDocument();
  });

  it("decodes at once while this device's history opens, then says what the token answers", async () => {
    let open!: (log: ActivityLog) => void;
    const history = new Promise<ActivityLog>((resolve) => (open = resolve));
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote CRM:00021003")), activityLog: history });
    const card = await tokenCard("CRM:00021003");
    expect(within(card).getByRole("button", { name: "Copy CRM:00021003" })).toBeInTheDocument();
    expect(within(card).getByText("Looking in this device's history…")).toBeInTheDocument();
    await act(async () => open(new FakeActivityLog([quote])));
    expect(await within(card).findByText("Found by token")).toBeInTheDocument();
    expect(within(card).queryByText("Looking in this device's history…")).not.toBeInTheDocument();
  });

  it("says so when this device's history cannot open, and still decodes", async () => {
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote CRM:00021003")), activityLog: Promise.reject(new Error("The chunk did not load")) });
    const card = await tokenCard("CRM:00021003");
    expect(await within(card).findByText("This device's history could not be read (The chunk did not load).")).toBeInTheDocument();
  });

  it("decodes our token and says what it answers, found by token", async () => {
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote for 20 chairs CRM:00021003")) });
    const card = await tokenCard("CRM:00021003");
    expect(partsOf(card, "CRM:00021003")).toMatchObject({
      Prefix: "CRM: (current prefix)",
      Created: "Online",
      "User number": "2",
      "Activity number": "1003",
    });
    const answer = within(card).getByRole("region", { name: "What it answers" });
    expect(within(answer).getByText("Found by token")).toBeInTheDocument();
    const expectedTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(quote.stampedAt));
    const details = Object.fromEntries(
      within(answer)
        .getAllByRole("term")
        .map((t) => [t.textContent, t.nextElementSibling?.textContent]),
    );
    expect(details).toEqual({
      Subject: "Quote for 20 chairs CRM:00021003",
      To: CUSTOMER,
      Cc: "carl@contoso.com",
      Sent: expectedTime,
      Sender: ME,
    });
    expect(within(card).getByRole("button", { name: "Copy CRM:00021003" })).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Tracking token" })).toBeInTheDocument();
  });

  it("formats the time sent in the given locale", async () => {
    renderPane({ mailbox: new FakeMailbox(received("CRM:00021003")), messages: messagesIn("de", "de-DE") });
    const card = await tokenCard("CRM:00021003");
    const expected = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short" }).format(new Date(quote.stampedAt));
    expect(within(card).getByText(expected)).toBeInTheDocument();
  });

  it("says a token stamped on a draft that was never sent answers nothing, instead of showing it as sent", async () => {
    const draft = sentActivity({ token: "CRM:00021777", subject: "Quote for 40 desks CRM:00021777", to: [], status: "issued" });
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote for 40 desks CRM:00021777")), activityLog: new FakeActivityLog([draft]) });
    const card = await tokenCard("CRM:00021777");
    const answer = within(card).getByRole("region", { name: "What it answers" });
    expect(within(answer).getByText("Not sent")).toBeInTheDocument();
    expect(within(answer).getByText(/stamped on a draft that was not sent \(yet\)/)).toBeInTheDocument();
    expect(within(answer).queryByText("Found by token")).not.toBeInTheDocument();
    expect(within(answer).queryByRole("term")).not.toBeInTheDocument();
  });

  it.each([
    ["an online token is not in this device's history", "CRM:00059999", { Created: "Online", "User number": "5", "Activity number": "9999" }, /created online, perhaps on another device/],
    ["an offline token may come from another device", "CRM:10050042", { Created: "Offline", "User number": "5", "Activity number": "42" }, /created offline, possibly on another device/],
  ])("says %s", async (_what, token, parts, hint) => {
    renderPane({ mailbox: new FakeMailbox(received(`RE: ${token}`)) });
    const card = await tokenCard(token);
    expect(partsOf(card, token)).toMatchObject(parts);
    expect(within(card).getByText("Not in this device's history.")).toBeInTheDocument();
    expect(within(card).getByText(hint)).toBeInTheDocument();
    expect(within(card).queryByText("Found by token")).not.toBeInTheDocument();
  });

  it("still decodes without an activity log, and says why nothing is found", async () => {
    renderPane({ mailbox: new FakeMailbox(received("CRM:00021003")), activityLog: null });
    const card = await tokenCard("CRM:00021003");
    expect(within(card).getByText("Not in this device's history.")).toBeInTheDocument();
    expect(within(card).getByText(/keeps no activity history/)).toBeInTheDocument();
  });

  it("says when the activity log cannot be read", async () => {
    const broken: ActivityLog = new FakeActivityLog();
    broken.all = () => Promise.reject(new Error("IndexedDB is blocked"));
    renderPane({ mailbox: new FakeMailbox(received("CRM:00021003")), activityLog: broken });
    const card = await tokenCard("CRM:00021003");
    expect(within(card).getByText(/could not be read \(IndexedDB is blocked\)/)).toBeInTheDocument();
  });

  it("marks a token of an earlier prefix as ours", async () => {
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote CRM:00021003 TT-10021007")), settings: fakeSettings(withHistory()) });
    const old = await tokenCard("CRM:00021003");
    expect(partsOf(old, "CRM:00021003").Prefix).toBe("CRM: (earlier prefix of ours)");
    expect(within(old).getByText("Found by token")).toBeInTheDocument();
    const current = await tokenCard("TT-10021007");
    expect(partsOf(current, "TT-10021007").Prefix).toBe("TT- (current prefix)");
    expect(screen.getByRole("heading", { level: 2, name: "Tracking tokens (2)" })).toBeInTheDocument();
  });

  it("lists foreign marks and near misses with their explanations", async () => {
    renderPane({ mailbox: new FakeMailbox(received("RE: [Ticket#31001] Printer TKT:123456 CRM:0002100 xCRM:00021003")) });
    const foreign = await screen.findByRole("list", { name: "Marks of other systems" });
    const foreignItems = within(foreign).getAllByRole("listitem");
    expect(foreignItems.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^\[Ticket#31001\] \(OTRS \/ Zammad ticket\).*Not a token of ours\.$/),
      expect.stringMatching(/^TKT:123456 \(another system's prefix\)"TKT:" is not a prefix of ours/),
    ]);
    const near = screen.getByRole("list", { name: "Near misses" });
    const nearItems = within(near).getAllByRole("listitem");
    expect(nearItems).toHaveLength(2);
    expect(within(nearItems[0] as HTMLElement).getByText(/earlier digit setting: 7 digits, now 8/)).toBeInTheDocument();
    expect(within(nearItems[1] as HTMLElement).getByText(/glued to the word before it/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "No tracking token in this subject" })).toBeInTheDocument();
  });

  it("proposes a smart match when the subject has no token, labelled as such", async () => {
    renderPane({ mailbox: new FakeMailbox(received("AW: Quote for 20 chairs", { to: [ME], cc: [] })) });
    expect(await screen.findByRole("heading", { level: 2, name: "No tracking token in this subject" })).toBeInTheDocument();
    const label = screen.getByRole("heading", { level: 3, name: "Possible match (smart match: same subject, 2 shared addresses)" });
    const card = screen.getByRole("group", { name: label.textContent ?? "" });
    expect(within(card).getByText("Quote for 20 chairs CRM:00021003")).toBeInTheDocument();
    expect(screen.queryByText("Found by token")).not.toBeInTheDocument();
  });

  it("proposes nothing when only one address is shared", async () => {
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote for 20 chairs", { to: ["someone@else.com"] })) });
    expect(await screen.findByRole("heading", { level: 2, name: "No tracking token in this subject" })).toBeInTheDocument();
    expect(screen.getByText("No sent activity on this device has the same subject and addresses.")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /Possible match/ })).not.toBeInTheDocument();
  });

  it("says no message is selected", async () => {
    renderPane({ mailbox: new FakeMailbox(null) });
    expect(await screen.findByRole("heading", { level: 2, name: "No message selected" })).toBeInTheDocument();
  });

  it("says it is for received mail when the item is being written", async () => {
    const draft: ComposeItemPort = {
      mode: "compose",
      draftKey: "d1",
      canSetSubject: true,
      getSubject: () => Promise.resolve("Quote"),
      setSubject: () => Promise.resolve(),
      getRecipients: () => Promise.resolve({ to: [], cc: [] }),
      onRecipientsChanged: () => Promise.resolve(() => undefined),
    };
    renderPane({ mailbox: new FakeMailbox(draft) });
    expect(await screen.findByText("This pane is for received mail")).toBeInTheDocument();
  });

  it("warns about invalid settings and still decodes with the valid parts", async () => {
    const settings = fakeSettings(DEFAULT_SETTINGS, [{ field: "userDigits", problem: { code: "integer-range", setting: "userDigits", min: 1, max: 10, got: { kind: "literal", text: "0" } } }]);
    renderPane({ mailbox: new FakeMailbox(received("CRM:00021003")), settings });
    expect(await screen.findByText("Some settings are not valid")).toBeInTheDocument();
    expect(await screen.findByText("User digits must be a whole number from 1 to 10; got 0.")).toBeInTheDocument();
    expect(await tokenCard("CRM:00021003")).toBeInTheDocument();
  });

  it("follows ItemChanged in a pinned pane, including no selection", async () => {
    const mailbox = new FakeMailbox(received("RE: Quote CRM:00021003"));
    const { unmount } = renderPane({ mailbox });
    await tokenCard("CRM:00021003");

    act(() => mailbox.select(received("Order TKT:123456")));
    expect(await screen.findByRole("heading", { level: 2, name: "No tracking token in this subject" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 3, name: "CRM:00021003" })).not.toBeInTheDocument();
    expect(screen.getByText("Subject: Order TKT:123456")).toBeInTheDocument();

    act(() => mailbox.select(null));
    expect(await screen.findByRole("heading", { level: 2, name: "No message selected" })).toBeInTheDocument();

    act(() => mailbox.select(received("FW: CRM:10050042")));
    expect(await tokenCard("CRM:10050042")).toBeInTheDocument();

    unmount();
    expect(mailbox.listenerCount).toBe(0);
  });

  it("shows the newest message when an older lookup finishes last", async () => {
    const log = new FakeActivityLog([quote]);
    let open!: () => void;
    log.gate = new Promise((resolve) => (open = resolve));
    const mailbox = new FakeMailbox(received("First CRM:00021003"));
    renderPane({ mailbox, activityLog: log });
    act(() => mailbox.select(null));
    expect(await screen.findByRole("heading", { level: 2, name: "No message selected" })).toBeInTheDocument();
    await act(async () => open());
    expect(screen.getByRole("heading", { level: 2, name: "No message selected" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 3, name: "CRM:00021003" })).not.toBeInTheDocument();
  });

  it("copies a token and announces it", async () => {
    const user = userEvent.setup();
    const writeText = jest.fn(() => Promise.resolve());
    renderPane({ mailbox: new FakeMailbox(received("RE: CRM:00021003")), clipboard: { writeText } });
    await user.click(await screen.findByRole("button", { name: "Copy CRM:00021003" }));
    expect(writeText).toHaveBeenCalledWith("CRM:00021003");
    expect(screen.getByRole("status")).toHaveTextContent("Copied CRM:00021003");
  });

  it("copies with the keyboard", async () => {
    const user = userEvent.setup();
    const writeText = jest.fn(() => Promise.resolve());
    renderPane({ mailbox: new FakeMailbox(received("RE: CRM:00021003")), clipboard: { writeText } });
    await screen.findByRole("button", { name: "Copy CRM:00021003" });
    await user.tab();
    expect(screen.getByRole("button", { name: "Copy CRM:00021003" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(writeText).toHaveBeenCalledWith("CRM:00021003");
  });

  it("says how to copy by hand when the clipboard refuses", async () => {
    const user = userEvent.setup();
    const writeText = jest.fn(() => Promise.reject(new DOMException("denied", "NotAllowedError")));
    renderPane({ mailbox: new FakeMailbox(received("RE: CRM:00021003")), clipboard: { writeText } });
    await user.click(await screen.findByRole("button", { name: "Copy CRM:00021003" }));
    expect(screen.getByRole("status")).toHaveTextContent("Could not copy CRM:00021003. Select the token and press Ctrl+C.");
  });
});
