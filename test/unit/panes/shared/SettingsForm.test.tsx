/** @jest-environment jsdom */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_SETTINGS } from "../../../../src/core";
import type { Settings } from "../../../../src/core/types";
import { PaneShell } from "../../../../src/panes/shared/PaneShell";
import { english } from "../../languages/catalogues";
import { SettingsForm } from "../../../../src/panes/shared/SettingsForm";

// Typing into every field of the form with user-event takes longer than Jest's 5 s default on a
// shared, loaded machine (seen at load 16 on 2 cores); the behaviour asserted does not depend on it.
jest.setTimeout(30_000);

const SAVED: Settings = { ...DEFAULT_SETTINGS, prefixHistory: ["OLD:"], userOrdinal: 2 };

/** Every labelled text field of the form. */
const TEXT_FIELDS = [
  "Prefix",
  "Earlier prefixes",
  "User digits",
  "Counter digits",
  "Deployment base",
  "Your user number",
  "Service URL",
  "Active days",
] as const;
type FieldLabel = (typeof TEXT_FIELDS)[number];

function renderForm(save: (settings: Settings) => Promise<void> = async () => undefined, saved: Settings = SAVED, managedBy?: string) {
  const saveMock = jest.fn(save);
  const onSaved = jest.fn();
  const onCancel = jest.fn();
  // delay: null types without a timer per key: the form has many fields, and timers crawl on a loaded machine.
  const user = userEvent.setup({ delay: null });
  render(
    <PaneShell messages={english}>
      <SettingsForm saved={saved} {...(managedBy === undefined ? {} : { managedBy })} save={saveMock} onSaved={onSaved} onCancel={onCancel} />
    </PaneShell>,
  );
  const field = (label: FieldLabel) => screen.getByRole("textbox", { name: label });
  const replace = async (label: FieldLabel, value: string) => {
    await user.clear(field(label));
    if (value !== "") await user.type(field(label), value);
  };
  /** Types each value into its field, in the form's order. */
  const fill = async (values: Partial<Record<FieldLabel, string>>) => {
    for (const [label, value] of Object.entries(values) as [FieldLabel, string][]) await replace(label, value);
  };
  return { user, save: saveMock, onSaved, onCancel, field, replace, fill };
}

describe("SettingsForm", () => {
  it("labels every field of docs/DESIGN.md §6 and starts from the saved values", () => {
    const { field } = renderForm();
    expect(field("Prefix")).toHaveValue("CRM:");
    expect(field("Earlier prefixes")).toHaveValue("OLD:");
    expect(field("User digits")).toHaveValue("3");
    expect(field("Counter digits")).toHaveValue("4");
    expect(field("Deployment base")).toHaveValue("0");
    expect(field("Your user number")).toHaveValue("2");
    expect(field("Service URL")).toHaveValue("");
    expect(field("Active days")).toHaveValue("30");
    expect(screen.getByRole("switch", { name: "Stamp on send" })).not.toBeChecked();
  });

  it.each<[FieldLabel, string, RegExp]>([
    ["Prefix", "", /Prefix must not be empty/],
    ["Prefix", "TT1", /Prefix must not end in a digit/],
    ["Prefix", "CRM :", /Prefix must not contain whitespace/],
    ["Earlier prefixes", "OLD:\nNEW9", /Earlier prefix 2 must not end in a digit/],
    ["Earlier prefixes", "OLD:, crm:", /Earlier prefix 2 \("crm:"\) is the current prefix/],
    ["User digits", "11", /User digits must be a whole number from 1 to 10; got 11/],
    ["Counter digits", "abc", /Counter digits must be a whole number from 1 to 9; got "abc"/],
    ["Deployment base", "-1", /Deployment base must be a whole number from 0 to 999/],
    ["Your user number", "0", /User number must be empty \(not set\) or a whole number of at least 1; got 0/],
    ["Your user number", "1000", /User number must be from 1 to 999/],
    ["Service URL", "http://tokens.example.com", /Service URL must use https:\/\//],
    ["Active days", "0", /Active days must be a whole number from 1 to 3650; got 0/],
  ])("%s %j: shows its own message and saves nothing", async (label, value, expected) => {
    const { user, save, field, replace } = renderForm();
    await replace(label, value);
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(field(label)).toHaveAttribute("aria-invalid", "true");
    expect(field(label)).toHaveAccessibleDescription(expected);
    for (const other of TEXT_FIELDS.filter((name) => name !== label)) {
      expect(field(other)).not.toHaveAttribute("aria-invalid", "true");
    }
    expect(screen.getByRole("group", { name: "Settings not saved" })).toBeInTheDocument();
    expect(save).not.toHaveBeenCalled();
  });

  it("shows every invalid field's message at once", async () => {
    const { user, save, field, fill } = renderForm();
    await fill({ Prefix: "", "Earlier prefixes": "A1", "User digits": "0", "Counter digits": "10", "Deployment base": "x", "Your user number": "-3", "Service URL": "ftp://x", "Active days": "1.5" });
    await user.click(screen.getByRole("button", { name: "Save" }));

    for (const label of TEXT_FIELDS) expect(field(label)).toHaveAttribute("aria-invalid", "true");
    expect(field("Earlier prefixes")).toHaveAccessibleDescription(/Earlier prefix 1/);
    expect(field("Active days")).toHaveAccessibleDescription(/got "1\.5"/);
    expect(save).not.toHaveBeenCalled();
    // The summary names what to fix, and the keyboard goes to the first of them.
    expect(screen.getByText(/^Fix Prefix, Earlier prefixes, User digits, Counter digits, Deployment base, Your user number, Service URL, and Active days;/)).toBeInTheDocument();
    expect(field("Prefix")).toHaveFocus();
  });

  it("clears a field's message when the user edits it", async () => {
    const { user, field, replace } = renderForm();
    await replace("User digits", "11");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(field("User digits")).toHaveAttribute("aria-invalid", "true");
    await user.type(field("User digits"), "{Backspace}");
    expect(field("User digits")).not.toHaveAttribute("aria-invalid", "true");
  });

  it("saves valid settings, parsed, and says so", async () => {
    const { user, save, onSaved, fill } = renderForm();
    await fill({ Prefix: "ACME-", "Earlier prefixes": "CRM:\nOLD:, TT#", "User digits": "4", "Counter digits": "5", "Deployment base": "500", "Your user number": " 12 ", "Active days": "60" });
    await user.click(screen.getByRole("switch", { name: "Stamp on send" }));
    await user.click(screen.getByRole("button", { name: "Save" }));

    const expected: Settings = {
      trackingEnabled: true,
      prefix: "ACME-",
      prefixHistory: ["CRM:", "OLD:", "TT#"],
      userDigits: 4,
      counterDigits: 5,
      deploymentBase: 500,
      userOrdinal: 12,
      serviceUrl: "",
      activeDays: 60,
      autoStampOnSend: true,
    };
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save).toHaveBeenCalledWith(expected);
    expect(await screen.findByRole("group", { name: "Settings saved" })).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledWith(expected);
  });

  it("naming a tracking service hands it the team's fields: read-only, saved as they were, and no user number to type", async () => {
    const { user, save, field, replace } = renderForm();
    await replace("Prefix", "ACME-");
    await replace("Service URL", "https://tokens.example.com");

    for (const label of ["Prefix", "Earlier prefixes", "User digits", "Counter digits", "Deployment base", "Active days"] as const) {
      expect(field(label)).toHaveAttribute("readonly");
      expect(field(label)).toHaveAccessibleDescription(/Set by your tracking service when it first answers/);
    }
    // What the service sets shows as saved: the prefix typed a moment ago is not kept.
    expect(field("Prefix")).toHaveValue("CRM:");
    expect(screen.queryByRole("textbox", { name: "Your user number" })).not.toBeInTheDocument();
    expect(screen.getByRole("switch", { name: "Tracking tokens" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ ...SAVED, serviceUrl: "https://tokens.example.com" }));
  });

  it("shows the service's settings as set by it, the assigned user number read-only, and gives them back when the URL is cleared", async () => {
    const managed: Settings = { ...DEFAULT_SETTINGS, prefix: "ACME-", prefixHistory: ["CRM:"], userOrdinal: 5, serviceUrl: "https://tokens.example.com" };
    const { user, save, field, replace } = renderForm(undefined, managed, "https://tokens.example.com/");
    expect(field("Prefix")).toHaveValue("ACME-");
    expect(field("Prefix")).toHaveAccessibleDescription(/Set by your tracking service for everyone in your team/);
    expect(field("Your user number")).toHaveValue("5");
    expect(field("Your user number")).toHaveAttribute("readonly");

    await replace("Service URL", "");
    expect(field("Prefix")).not.toHaveAttribute("readonly");
    await replace("Prefix", "TT-");
    await user.click(screen.getByRole("button", { name: "Save" }));
    // Back to standalone with the team's settings, the new prefix, and the old one kept as earlier.
    await waitFor(() => expect(save).toHaveBeenCalledWith({ ...managed, serviceUrl: "", prefix: "TT-", prefixHistory: ["ACME-", "CRM:"] }));
  });

  it("an empty user number saves as not set", async () => {
    const { user, save, replace } = renderForm();
    await replace("Your user number", "");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(save).toHaveBeenCalledWith(expect.objectContaining({ userOrdinal: null })));
  });

  it("saves from the keyboard alone: Enter in a field submits", async () => {
    const { user, save, field } = renderForm();
    field("Active days").focus();
    await user.keyboard("{Backspace}{Backspace}45{Enter}");
    await waitFor(() => expect(save).toHaveBeenCalledWith(expect.objectContaining({ activeDays: 45 })));
  });

  it("shows a rejected save and keeps the user's input", async () => {
    const { user, onSaved, field, replace } = renderForm(async () => {
      throw new Error("Roaming settings are full (32 KB).");
    });
    await replace("Earlier prefixes", "OLD:\nOLDER:");
    await user.click(screen.getByRole("button", { name: "Save" }));

    const bar = await screen.findByRole("group", { name: "Settings not saved" });
    expect(bar).toHaveTextContent("Roaming settings are full (32 KB).");
    expect(field("Earlier prefixes")).toHaveValue("OLD:\nOLDER:");
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("maps a port's validation rejection to its fields", async () => {
    const { user, field } = renderForm(async () => {
      throw Object.assign(new Error("Invalid settings"), { errors: [{ field: "prefixHistory[0]", problem: { code: "history-is-current", position: 1, prefix: "crm:" } }] });
    });
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("group", { name: "Settings not saved" })).toBeInTheDocument();
    expect(field("Earlier prefixes")).toHaveAccessibleDescription(/Earlier prefix 1 \("crm:"\) is the current prefix/);
  });

  it("disables Save while saving, so one click saves once", async () => {
    let finish: () => void = () => undefined;
    const { user, save } = renderForm(() => new Promise<void>((resolve) => (finish = resolve)));
    const saveButton = screen.getByRole("button", { name: "Save" });
    await user.click(saveButton);
    expect(saveButton).toHaveAttribute("aria-disabled", "true");
    await user.click(saveButton);
    expect(save).toHaveBeenCalledTimes(1);
    finish();
    expect(await screen.findByRole("group", { name: "Settings saved" })).toBeInTheDocument();
  });

  it("Cancel restores the saved values and clears the messages", async () => {
    const { user, save, onCancel, field, replace } = renderForm();
    await replace("Prefix", "");
    await replace("Counter digits", "6");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(field("Prefix")).toHaveAttribute("aria-invalid", "true");

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(field("Prefix")).toHaveValue("CRM:");
    expect(field("Counter digits")).toHaveValue("4");
    expect(field("Prefix")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("group", { name: "Settings not saved" })).not.toBeInTheDocument();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(save).not.toHaveBeenCalled();
  });
});
