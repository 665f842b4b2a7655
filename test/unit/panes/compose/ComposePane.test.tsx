/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_SETTINGS } from "../../../../src/core";
import type { StampOutcome } from "../../../../src/authority/ports";
import { CodecStamper, FakeComposeItem, deferred, readMessage } from "./fakes";
import { addButton, message, modeRegion, removeButton, renderPane, tokenDetails } from "./renderPane";
import { FakeSettingsPort, WITH_USER_NUMBER } from "./fakes";

describe("ComposePane: opening", () => {
  it("says it is reading the message until the subject arrives", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    const gate = deferred();
    item.getSubjectGate = gate.promise;
    renderPane({ item });
    expect(screen.getByText("Reading the message…")).toBeInTheDocument();
    await act(async () => gate.resolve());
    expect(await screen.findByText("No tracking token in the subject yet.")).toBeInTheDocument();
    expect(screen.queryByText("Reading the message…")).not.toBeInTheDocument();
  });

  it("says when the subject cannot be read, and Try again reads it again", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    item.getSubjectError = new Error("The item is no longer available.");
    const { user } = renderPane({ item });
    const bar = await message("The subject could not be read");
    expect(bar).toHaveTextContent("The item is no longer available.");
    item.getSubjectError = null;
    await user.click(within(bar).getByRole("button", { name: "Try again" }));
    expect(await addButton()).toBeInTheDocument();
  });

  it("explains, and offers no Add, on a client that cannot set the subject", async () => {
    renderPane({ item: new FakeComposeItem({ subject: "Quarterly report CRM:00021003", canSetSubject: false }) });
    expect(await message("This Outlook cannot change the subject")).toBeInTheDocument();
    expect(await tokenDetails("An earlier token of ours")).toMatchObject({ Token: "CRM:00021003" });
    expect(screen.queryByRole("button", { name: "Add tracking token" })).not.toBeInTheDocument();
  });

  it("says the pane works on messages being written when the item is a received message", async () => {
    renderPane({ item: readMessage("RE: Quarterly report CRM:00021003") });
    expect(await message("This pane works on messages being written")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add tracking token" })).not.toBeInTheDocument();
  });

  it("says no message is selected when the pinned pane has no item", async () => {
    renderPane({ item: null });
    expect(await message("No message selected")).toBeInTheDocument();
  });

  it("leaves other marks alone and says so", async () => {
    renderPane({ item: new FakeComposeItem({ subject: "Case TT:123456 follow-up" }) });
    expect(await screen.findByText("Other marks in the subject are left as they are.")).toBeInTheDocument();
    expect(screen.getByText("No tracking token in the subject yet.")).toBeInTheDocument();
  });

  it("explains earlier tokens once, in the singular or the plural", async () => {
    renderPane({ item: new FakeComposeItem({ subject: "RE: FW: Order CRM:00021003 CRM:10020007" }) });
    expect(await screen.findByText(/^The 2 earlier tokens are not this message's own/)).toBeInTheDocument();
    expect(screen.getAllByText(/replaces them with this message's token/)).toHaveLength(1);
  });

  it("does not call our own token an other mark", async () => {
    renderPane({ item: new FakeComposeItem({ subject: "Quarterly report CRM:00021003" }) });
    await tokenDetails("An earlier token of ours");
    expect(screen.queryByText("Other marks in the subject are left as they are.")).not.toBeInTheDocument();
  });

  it("shows problems with the stored settings", async () => {
    const settingsPort = new FakeSettingsPort(WITH_USER_NUMBER);
    settingsPort.problems = [{ field: "counterDigits", problem: { code: "integer-range", setting: "counterDigits", min: 1, max: 9, got: { kind: "literal", text: "12" } } }];
    renderPane({ settingsPort });
    const bar = await message("Some saved settings were not valid");
    expect(bar).toHaveTextContent("got 12");
  });
});

describe("ComposePane: adding and removing the token", () => {
  it("adds this message's token to a subject without one and decodes it, online", async () => {
    const { user, item } = renderPane();
    expect(await screen.findByText("No tracking token in the subject yet.")).toBeInTheDocument();
    expect(within(modeRegion()).getByText("Online")).toBeInTheDocument();

    await user.click(await addButton());

    expect(await message("Token added")).toHaveTextContent("The subject now ends with CRM:00021003.");
    expect(item).toMatchObject({ subject: "Quarterly report CRM:00021003" });
    expect(await tokenDetails("This message's token")).toEqual({
      Token: "CRM:00021003",
      Created: "Online",
      "User number": "2",
      "Activity number": "1003",
    });
    expect(await removeButton()).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add tracking token" })).not.toBeInTheDocument();
  });

  it("with tracking tokens off, says so and offers no Add; a received token is still explained by the read pane", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    renderPane({ item, settings: { ...DEFAULT_SETTINGS, userOrdinal: 2, trackingEnabled: false } });
    expect(await screen.findByText(/Tracking tokens are turned off, so this pane adds none/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add tracking token" })).not.toBeInTheDocument();
    expect(item).toMatchObject({ subject: "Quarterly report" });
  });

  it("is usable by keyboard alone: Tab to Add, Enter, focus moves to the result, a second Enter undoes nothing", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    const { user, stamper } = renderPane({ item, activityLog: null });
    await addButton();
    await user.tab(); // Settings
    await user.tab(); // Add tracking token
    expect(screen.getByRole("button", { name: "Add tracking token" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await removeButton();
    const result = screen.getByRole("status", { name: "Result" });
    await waitFor(() => expect(result).toHaveFocus());
    expect(await message("Token added")).toBeInTheDocument();
    await user.keyboard("{Enter}");
    expect(stamper).toMatchObject({ stampCalls: 1, unstampCalls: 0 });
    expect(item.subject).toBe("Quarterly report CRM:00021003");
    // Remove by keyboard: focus lands on the result again, so Enter does not add it back.
    await user.tab({ shift: true });
    expect(await removeButton()).toHaveFocus();
    await user.keyboard("{Enter}");
    await addButton();
    await waitFor(() => expect(result).toHaveFocus());
    await user.keyboard("{Enter}");
    expect(stamper).toMatchObject({ stampCalls: 1, unstampCalls: 1 });
    expect(result).toHaveAttribute("aria-live", "polite");
    expect(await message("Token removed")).toBeInTheDocument();
  });

  it("disables Add while a stamp is in flight, so a double click issues one number", async () => {
    const stamper = new CodecStamper();
    const gate = deferred();
    stamper.gate = gate.promise;
    const { user, item } = renderPane({ stamper });
    const add = await addButton();

    await user.click(add);
    expect(add).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByText("Adding the token…")).toBeInTheDocument();
    await user.click(add);
    await user.dblClick(add);
    expect(stamper.stampCalls).toBe(1);

    await act(async () => gate.resolve());
    expect(await message("Token added")).toBeInTheDocument();
    expect(stamper.stampCalls).toBe(1);
    expect(item).toMatchObject({ subject: "Quarterly report CRM:00021003" });
  });

  it("Remove takes the token out; Add again reuses the same number", async () => {
    const { user, item, stamper } = renderPane();
    await user.click(await addButton());
    await user.click(await removeButton());

    expect(await message("Token removed")).toBeInTheDocument();
    expect(item).toMatchObject({ subject: "Quarterly report" });
    expect(screen.getByText("No tracking token in the subject yet.")).toBeInTheDocument();

    await user.click(await addButton());
    expect(await message("Token already added")).toHaveTextContent("no new one was used");
    expect(item).toMatchObject({ subject: "Quarterly report CRM:00021003" });
    expect(stamper.nextCounter).toBe(1004); // one number for this draft
  });

  it("in a reply, Add replaces the older token of ours and RE: stays", async () => {
    const { user, item } = renderPane({ item: new FakeComposeItem({ subject: "RE: Quarterly report CRM:00020999" }) });
    expect(await tokenDetails("An earlier token of ours")).toMatchObject({ Token: "CRM:00020999", "Activity number": "999" });
    expect(await addButton()).toBeInTheDocument();

    await user.click(await addButton());

    expect(await message("Token added")).toBeInTheDocument();
    expect(item).toMatchObject({ subject: "RE: Quarterly report CRM:00021003" });
    expect(await tokenDetails("This message's token")).toMatchObject({ Token: "CRM:00021003" });
    expect(screen.queryByLabelText("An earlier token of ours")).not.toBeInTheDocument();
  });

  it("says the subject was shortened (Stamper's outcome)", async () => {
    const stamper = new CodecStamper();
    const subject = `${"x".repeat(239)}… CRM:00021003`;
    const outcome: StampOutcome = { status: "stamped", token: "CRM:00021003", designator: 0, subject, shortened: true, reused: false };
    stamper.scripted.push(outcome);
    const { user } = renderPane({ stamper });
    await user.click(await addButton());
    expect(await message("Token added")).toHaveTextContent(`The subject was shortened to ${subject.length} characters to fit the token`);
    expect(subject.length).toBe(253);
  });

  it("shortens a 250-character subject with the real codec and says so", async () => {
    const subject = `${"Budget review ".repeat(17)}${"x".repeat(250 - 14 * 17)}`;
    expect(subject).toHaveLength(250);
    const item = new FakeComposeItem({ subject });
    const { user } = renderPane({ item });
    await user.click(await addButton());

    // Cut at a word boundary, so at most 255: the token whole, the text marked with "…"; the message says the real length.
    expect(item.subject.length).toBeLessThanOrEqual(255);
    expect(await message("Token added")).toHaveTextContent(`The subject was shortened to ${item.subject.length} characters to fit the token`);
    expect(item.subject).toMatch(/^Budget review .*review… CRM:00021003$/);
  });

  it("says the token was issued offline, and why, when it fell back", async () => {
    const stamper = new CodecStamper();
    stamper.designator = 1;
    stamper.fallbackReason = "The mailbox did not answer within 1 s.";
    const { user } = renderPane({ stamper });
    await user.click(await addButton());
    expect(await message("Token added")).toHaveTextContent("The token was issued offline: The mailbox did not answer within 1 s.");
    expect(await tokenDetails("This message's token")).toMatchObject({ Token: "CRM:10021003", Created: "Offline" });
  });

  it("shows what the authority says about the number, such as a user number the service reassigned", async () => {
    const stamper = new CodecStamper();
    const reassigned = "User number 5 already belongs to another mailbox, so the tracking service made you user number 2: your new tokens use 2.";
    stamper.scripted.push({ status: "stamped", token: "CRM:00020001", designator: 0, subject: "Quarterly report CRM:00020001", shortened: false, reused: false, warning: reassigned });
    const { user } = renderPane({ stamper });
    await user.click(await addButton());
    expect(await message("Token added")).toHaveTextContent(reassigned);
  });

  it("says a number is used up when the subject could not be set, and Try again uses a new one", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    item.setSubjectError = new Error("The mailbox is busy.");
    const { user } = renderPane({ item });
    await user.click(await addButton());

    const bar = await message("The token was not added");
    expect(bar).toHaveTextContent("The mailbox is busy.");
    expect(bar).toHaveTextContent("The number CRM:00021003 is used up: it will not be issued again.");
    expect(item.subject).toBe("Quarterly report");

    item.setSubjectError = null;
    await user.click(within(bar).getByRole("button", { name: "Try again" }));
    expect(await message("Token added")).toHaveTextContent("CRM:00021004");
    expect(item.subject).toBe("Quarterly report CRM:00021004");
  });

  it("shows an unexpected error from the Stamper with Try again", async () => {
    const stamper = new CodecStamper();
    stamper.scripted.push(new Error("IndexedDB is closed."));
    const { user } = renderPane({ stamper });
    await user.click(await addButton());
    const bar = await message("The token was not added");
    expect(bar).toHaveTextContent("IndexedDB is closed.");
    await user.click(within(bar).getByRole("button", { name: "Try again" }));
    expect(await message("Token added")).toBeInTheDocument();
    expect(stamper.stampCalls).toBe(2);
  });

  it.each([
    ["no-user-number", "Set your user number first", "No user number is set."],
    ["exhausted", "No free activity numbers", "All 10000 numbers are active. Raise counter digits to 5."],
    ["offline-unavailable", "Offline numbering is unavailable", "This browser keeps no local storage for the add-in."],
    ["counter-corrupt", "The local counter needs attention", "The stored counter is not a number."],
    ["cannot-set-subject", "Outlook cannot change this subject", "Mailbox requirement set 1.1 is missing."],
  ] as const)("shows a blocked outcome (%s) with its reason", async (kind, title, reason) => {
    const stamper = new CodecStamper();
    stamper.scripted.push({ status: "blocked", kind, reason });
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    const { user } = renderPane({ stamper, item });
    await user.click(await addButton());
    expect(await message(title)).toHaveTextContent(reason);
    expect(item.subject).toBe("Quarterly report");
    expect(screen.getByRole("button", { name: "Add tracking token" })).not.toHaveAttribute("aria-disabled", "true");
  });

  it("a blocked exhausted outcome offers the settings", async () => {
    const stamper = new CodecStamper();
    stamper.scripted.push({ status: "blocked", kind: "exhausted", reason: "All numbers are active." });
    const { user } = renderPane({ stamper });
    await user.click(await addButton());
    const bar = await message("No free activity numbers");
    expect(bar).toHaveTextContent("Ask your admin for more counter digits.");
    await user.click(within(bar).getByRole("button", { name: "Open settings" }));
    // The form is a lazy chunk: it appears once loaded.
    expect(await screen.findByRole("form", { name: "Settings" })).toBeInTheDocument();
  });
});

describe("ComposePane: while the numbering opens", () => {
  it("shows the draft and an enabled Add at once, says it is checking, and a click waits for the numbering, then stamps", async () => {
    const opens = deferred();
    const { user, item, stamper } = renderPane({ numberingOpens: opens.promise });
    expect(await screen.findByText("No tracking token in the subject yet.")).toBeInTheDocument();
    expect(within(modeRegion()).getByText("Checking…")).toBeInTheDocument();
    const add = await addButton();
    expect(add).not.toHaveAttribute("aria-disabled", "true");

    await user.click(add);
    expect(await screen.findByText("Adding the token…")).toBeInTheDocument();
    expect(stamper.stampCalls).toBe(0);
    expect(item).toMatchObject({ subject: "Quarterly report" });

    await act(async () => opens.resolve());
    expect(await message("Token added")).toHaveTextContent("The subject now ends with CRM:00021003.");
    expect(item).toMatchObject({ subject: "Quarterly report CRM:00021003" });
    expect(stamper.stampCalls).toBe(1);
    expect(within(modeRegion()).getByText("Online")).toBeInTheDocument();
  });

  it("with the subject read before it, the first render already shows the draft and Add", async () => {
    renderPane({ numberingOpens: deferred().promise, readFirst: true });
    expect(screen.getByText("No tracking token in the subject yet.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add tracking token" })).not.toHaveAttribute("aria-disabled", "true");
    expect(screen.queryByText("Reading the message…")).not.toBeInTheDocument();
    // The pane reads the draft again as it mounts: the same draft, still no spinner.
    await act(async () => undefined);
    expect(screen.getByText("No tracking token in the subject yet.")).toBeInTheDocument();
  });

  it("with a token of ours in the subject, waits for this device's log to tell its own token (Remove) from a quoted one", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    const stamper = new CodecStamper();
    await stamper.stamp(item, { ...DEFAULT_SETTINGS, ...WITH_USER_NUMBER });
    const opens = deferred();
    renderPane({ item, stamper, numberingOpens: opens.promise });
    expect(await screen.findByText("Reading the message…")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add tracking token" })).not.toBeInTheDocument();
    await act(async () => opens.resolve());
    expect(await removeButton()).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add tracking token" })).not.toBeInTheDocument();
  });
});

describe("ComposePane: mode", () => {
  it("shows Offline with its reason and the pending count, and follows the monitor live", async () => {
    const { monitor, user } = renderPane();
    await addButton();
    expect(within(modeRegion()).getByText("Online")).toBeInTheDocument();

    act(() =>
      monitor.set({ status: "offline", reason: "The browser reports no network.", pending: 2, localCounter: { available: true } }),
    );
    const region = modeRegion();
    expect(within(region).getByText("Offline")).toBeInTheDocument();
    expect(region).toHaveTextContent("The browser reports no network.");
    expect(region).toHaveTextContent("2 offline activities waiting to sync");
    expect(screen.getByRole("button", { name: "Add tracking token" })).not.toHaveAttribute("aria-disabled", "true");

    await user.click(screen.getByRole("button", { name: "Check connection" }));
    expect(monitor.rechecks).toBe(1);

    act(() => monitor.set({ status: "checking", pending: 1 }));
    expect(within(modeRegion()).getByText("Checking…")).toBeInTheDocument();
    expect(modeRegion()).toHaveTextContent("1 offline activity waiting to sync");

    act(() => monitor.set({ status: "online", authority: "service", pending: 0 }));
    expect(within(modeRegion()).getByText("Online")).toBeInTheDocument();
    expect(modeRegion()).toHaveTextContent("Numbers come from the tracking service.");
    expect(modeRegion()).not.toHaveTextContent("waiting to sync");
  });

  it("disables Add with the reason when offline numbering is unavailable", async () => {
    const { user, stamper } = renderPane({
      connectivity: {
        status: "offline",
        reason: "The mailbox did not answer within 1 s.",
        pending: 0,
        localCounter: { available: false, reason: "Private browsing blocks IndexedDB." },
      },
    });
    const add = await addButton();
    expect(modeRegion()).toHaveTextContent("Offline numbering is unavailable: Private browsing blocks IndexedDB.");
    expect(add).toHaveAttribute("aria-disabled", "true");
    expect(add).toHaveAccessibleDescription("You are offline and offline numbering is unavailable: Private browsing blocks IndexedDB.");
    await user.click(add);
    expect(stamper.stampCalls).toBe(0);
  });
});

describe("ComposePane: pinned pane follows the selected item", () => {
  it("shows each draft's own state, a received message, and no message", async () => {
    const { mailbox, user } = renderPane();
    await user.click(await addButton());
    await removeButton();

    act(() => mailbox.select(new FakeComposeItem({ subject: "Another draft", draftKey: "draft-2" })));
    expect(await addButton()).toBeInTheDocument();
    expect(screen.getByText("No tracking token in the subject yet.")).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Token added" })).not.toBeInTheDocument();

    act(() => mailbox.select(readMessage("RE: Quarterly report CRM:00021003")));
    expect(await message("This pane works on messages being written")).toBeInTheDocument();

    act(() => mailbox.select(null));
    expect(await message("No message selected")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /tracking token/ })).not.toBeInTheDocument();
  });

  it("drops a stamp result that arrives after the user moved to another draft", async () => {
    const stamper = new CodecStamper();
    const gate = deferred();
    stamper.gate = gate.promise;
    const { mailbox, user } = renderPane({ stamper });
    await user.click(await addButton());

    act(() => mailbox.select(new FakeComposeItem({ subject: "Another draft", draftKey: "draft-2" })));
    expect(await screen.findByText("No tracking token in the subject yet.")).toBeInTheDocument();
    await act(async () => gate.resolve());

    expect(screen.queryByRole("group", { name: "Token added" })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Add tracking token" })).not.toHaveAttribute("aria-disabled", "true"));
  });
});

describe("ComposePane: first run without a service", () => {
  it("asks for the user number before the first stamp, then stamps with it", async () => {
    const { user, settings, item } = renderPane({ settings: { userOrdinal: null } });
    expect(await message("Set your user number to start stamping")).toBeInTheDocument();
    const add = await addButton();
    expect(add).toHaveAttribute("aria-disabled", "true");
    expect(add).toHaveAccessibleDescription("Adding a token becomes available once your user number is saved.");

    const userNumber = await screen.findByRole("textbox", { name: "Your user number" });
    expect(userNumber).toHaveFocus();
    await user.type(userNumber, "7");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(settings.saved).toHaveLength(1));
    expect(settings.saved[0]).toMatchObject({ userOrdinal: 7 });
    expect(screen.queryByRole("group", { name: "Set your user number to start stamping" })).not.toBeInTheDocument();
    const enabled = await addButton();
    expect(enabled).not.toHaveAttribute("aria-disabled", "true");
    await waitFor(() => expect(enabled).toHaveFocus());

    await user.click(enabled);
    expect(await message("Token added")).toBeInTheDocument();
    expect(item).toMatchObject({ subject: "Quarterly report CRM:00071003" });
  });

  it("does not ask when a tracking service assigns the user number", async () => {
    renderPane({ settings: { userOrdinal: null, serviceUrl: "https://tokens.example.com" } });
    const add = await addButton();
    expect(add).not.toHaveAttribute("aria-disabled", "true");
    expect(screen.queryByRole("group", { name: "Set your user number to start stamping" })).not.toBeInTheDocument();
  });
});

describe("ComposePane: settings", () => {
  it("opens and closes the settings; a saved prefix change re-reads the subject", async () => {
    const { user, settings } = renderPane({ item: new FakeComposeItem({ subject: "Quarterly report ACME-00021003" }) });
    await addButton();
    expect(screen.queryByRole("form", { name: "Settings" })).not.toBeInTheDocument();
    const toggle = screen.getByRole("button", { name: "Settings" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");

    const prefix = await screen.findByRole("textbox", { name: "Prefix" });
    await user.clear(prefix);
    await user.type(prefix, "ACME-");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(settings.saved).toHaveLength(1));
    expect(await tokenDetails("An earlier token of ours")).toMatchObject({ Token: "ACME-00021003" });

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form", { name: "Settings" })).not.toBeInTheDocument();
  });

  it("offers a new number, in one click, when another activity holds the draft's token", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    const { user, stamper } = renderPane({ item });
    await user.click(await addButton());
    expect(await message("Token added")).toBeInTheDocument();
    stamper.conflicts.set(item.draftKey, "The tracking service holds another activity under CRM:00021003, so this one was not recorded.");
    act(() => void window.dispatchEvent(new Event("focus"))); // the pane re-reads its draft when it gets focus back

    expect(await message("This draft's token belongs to another activity")).toHaveTextContent(/holds another activity under CRM:00021003/);
    await user.click(screen.getByRole("button", { name: "Stamp with a new number" }));
    await waitFor(() => expect(item.subject).toBe("Quarterly report CRM:00021004"));
    expect(screen.queryByRole("group", { name: "This draft's token belongs to another activity" })).not.toBeInTheDocument();
  });

  it("follows settings saved in another pane, and the tracking service's deployment, without a reload", async () => {
    const { settings } = renderPane({ item: new FakeComposeItem({ subject: "Quarterly report ACME-00021003" }) });
    await addButton();
    act(() => settings.savedElsewhere({ ...settings.stored, prefix: "ACME-", prefixHistory: ["CRM:"] }));
    expect(await tokenDetails("An earlier token of ours")).toMatchObject({ Token: "ACME-00021003" });

    act(() => settings.savedElsewhere({ ...settings.stored, serviceUrl: "https://tokens.example.com" }));
    await act(() => settings.adoptDeployment({
      serviceUrl: "https://tokens.example.com",
      deployment: { prefix: "TEAM:", prefixHistory: ["ACME-"], userDigits: 3, counterDigits: 4, deploymentBase: 0, activeDays: 30, trackingEnabled: true, reserveSize: 50 },
      ordinal: 4,
    }));
    expect(await tokenDetails("An earlier token of ours")).toMatchObject({ Token: "ACME-00021003" });
  });

  it("shows the service's settings read-only, with the user number it assigned", async () => {
    const settings = new FakeSettingsPort({ ...WITH_USER_NUMBER, serviceUrl: "https://tokens.example.com" });
    settings.deployment = {
      serviceUrl: "https://tokens.example.com",
      deployment: { prefix: "TEAM:", prefixHistory: [], userDigits: 3, counterDigits: 4, deploymentBase: 0, activeDays: 30, trackingEnabled: true, reserveSize: 50 },
      ordinal: 4,
    };
    const { user } = renderPane({ settingsPort: settings });
    await addButton();
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const prefix = await screen.findByRole("textbox", { name: "Prefix" });
    expect(prefix).toHaveValue("TEAM:");
    expect(prefix).toHaveAttribute("readonly");
    expect(prefix).toHaveAccessibleDescription(/Set by your tracking service/);
    expect(screen.getByRole("textbox", { name: "Your user number" })).toHaveValue("4");
  });

  it("Clear history asks first, then clears the activity log", async () => {
    const { user, activityLog } = renderPane();
    await addButton();
    await user.click(screen.getByRole("button", { name: "Settings" }));

    await user.click(await screen.findByRole("button", { name: "Clear history" }));
    let question = screen.getByRole("group", { name: "Clear the activity history?" });
    expect(within(question).getByRole("button", { name: "Clear history" })).toHaveFocus();
    await user.click(within(question).getByRole("button", { name: "Keep history" }));
    expect(screen.queryByRole("group", { name: "Clear the activity history?" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Clear history" })).toHaveFocus();
    expect(activityLog?.clears).toBe(0);

    await user.click(screen.getByRole("button", { name: "Clear history" }));
    question = screen.getByRole("group", { name: "Clear the activity history?" });
    await user.click(within(question).getByRole("button", { name: "Clear history" }));
    expect(await screen.findByText("Activity history cleared.")).toBeInTheDocument();
    expect(activityLog?.clears).toBe(1);
  });

  it("offers no Clear history without an activity log", async () => {
    const { user } = renderPane({ activityLog: null });
    await addButton();
    await user.click(screen.getByRole("button", { name: "Settings" }));
    expect(await screen.findByRole("form", { name: "Settings" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Clear history" })).not.toBeInTheDocument();
  });
});

describe("ComposePane: follows the subject and recipients", () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it("a token deleted from the subject by hand shows within a re-read, and Add comes back", async () => {
    jest.useFakeTimers({ advanceTimers: true });
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    const { user } = renderPane({ item });
    await user.click(await addButton());
    expect(await message("Token added")).toBeInTheDocument();
    item.subject = "Quarterly report";
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000);
    });
    expect(await addButton()).toBeInTheDocument();
    expect(screen.getByText("No tracking token in the subject yet.")).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Token added" })).not.toBeInTheDocument();
  });

  it("a subject typed with tokens in it shows them once the window is focused", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    renderPane({ item });
    await addButton();
    item.subject = "RE: Quarterly report CRM:00020999";
    await act(async () => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(await tokenDetails("An earlier token of ours")).toMatchObject({ Token: "CRM:00020999" });
    expect(screen.queryByText("No tracking token in the subject yet.")).not.toBeInTheDocument();
  });

  it("a foreign mark pasted into the subject is reported", async () => {
    jest.useFakeTimers({ advanceTimers: true });
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    renderPane({ item });
    await addButton();
    item.subject = "Quarterly report TT:123456";
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000);
    });
    expect(await screen.findByText("Other marks in the subject are left as they are.")).toBeInTheDocument();
  });

  it("recipients changed: the draft's activity follows them (RecipientsChanged)", async () => {
    const item = new FakeComposeItem({ subject: "Quarterly report" });
    const { user, stamper } = renderPane({ item });
    await user.click(await addButton());
    const before = stamper.followCalls;
    await act(async () => {
      item.changeRecipients({ to: ["dana.buyer@fabrikam.com"], cc: ["sam.colleague@contoso.com"] });
    });
    await waitFor(() => expect(stamper.followCalls).toBeGreaterThan(before));
  });
});
