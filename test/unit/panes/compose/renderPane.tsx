/** Renders the compose pane over fakes, and reads what it shows the way a user (or screen reader) would. */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Connectivity } from "../../../../src/authority/ports";
import type { Settings } from "../../../../src/core/types";
import type { MailItemPort } from "../../../../src/office/ports";
import { ComposePane } from "../../../../src/panes/compose/ComposePane";
import { PaneShell } from "../../../../src/panes/shared/PaneShell";
import { english } from "../../languages/catalogues";
import type { Messages } from "../../../../src/languages/messages";
import { CodecStamper, FakeActivityLog, FakeComposeItem, FakeConnectivityMonitor, FakeMailbox, FakeSettingsPort, ONLINE, WITH_USER_NUMBER } from "./fakes";

export type PaneSetup = {
  item?: MailItemPort | null;
  settings?: Partial<Settings>;
  connectivity?: Connectivity;
  activityLog?: FakeActivityLog | null;
  stamper?: CodecStamper;
  settingsPort?: FakeSettingsPort;
  /** The numbering opens when this settles (as the entry's does after its chunk and IndexedDB); until then the pane has none. */
  numberingOpens?: Promise<void>;
  /** The entry read the draft's subject before rendering (ComposePorts' firstReading). */
  readFirst?: boolean;
  /** The pane's language. @default English (en-US) */
  messages?: Messages;
};

export function renderPane(setup: PaneSetup = {}) {
  const item = setup.item === undefined ? new FakeComposeItem({ subject: "Quarterly report" }) : setup.item;
  const ports = {
    mailbox: new FakeMailbox(item),
    settings: setup.settingsPort ?? new FakeSettingsPort({ ...WITH_USER_NUMBER, ...setup.settings }),
    stamper: setup.stamper ?? new CodecStamper(),
    monitor: new FakeConnectivityMonitor(setup.connectivity ?? ONLINE),
    activityLog: setup.activityLog === undefined ? new FakeActivityLog() : setup.activityLog,
  };
  const user = userEvent.setup();
  const { mailbox, settings, stamper, monitor, activityLog } = ports;
  const opens = setup.numberingOpens;
  const firstReading = setup.readFirst && item instanceof FakeComposeItem ? { item, subject: item.subject } : undefined;
  const view = render(
    <PaneShell messages={setup.messages ?? english}>
      {opens === undefined ? (
        <ComposePane {...ports} />
      ) : (
        <ComposePane mailbox={mailbox} settings={settings} numbering={opens.then(() => ({ stamper, monitor, activityLog }))} firstReading={firstReading} />
      )}
    </PaneShell>,
  );
  return { ...ports, item, user, view };
}

export const addButton = () => screen.findByRole("button", { name: "Add tracking token" });
export const removeButton = () => screen.findByRole("button", { name: "Remove tracking token" });

/** The mode region (badge, reason, pending count). */
export const modeRegion = () => screen.getByRole("status", { name: "Token mode" });

/** The decoded parts of a token the summary shows under `title`, by term. */
export async function tokenDetails(title: "This message's token" | "An earlier token of ours"): Promise<Record<string, string>> {
  const list = await screen.findByLabelText(title);
  const details: Record<string, string> = {};
  for (const term of within(list).getAllByRole("term")) {
    details[term.textContent ?? ""] = term.nextElementSibling?.textContent ?? "";
  }
  return details;
}

/** A Fluent MessageBar, found by its title. */
export const message = (title: string | RegExp) => screen.findByRole("group", { name: title });
