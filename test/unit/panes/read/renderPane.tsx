/** Renders the read pane over fakes, and finds what it shows the way a user (or screen reader) would. */
import { render, screen, within } from "@testing-library/react";
import { ReadPane } from "../../../../src/panes/read/ReadPane";
import type { ReadPaneProps } from "../../../../src/panes/read/ReadPane";
import { PaneShell } from "../../../../src/panes/shared/PaneShell";
import { FakeActivityLog, fakeSettings } from "./fakes";
import { english } from "../../languages/catalogues";
import type { Messages } from "../../../../src/languages/messages";
import type { FakeMailbox } from "./fakes";

/** The pane in `messages` (en-US by default) over `props`; settings default to the defaults, the log to an empty one. */
export function renderReadPane({ messages = english, ...props }: Partial<ReadPaneProps> & { mailbox: FakeMailbox; messages?: Messages }) {
  const all: ReadPaneProps = { settings: fakeSettings(), activityLog: new FakeActivityLog(), ...props };
  return render(
    <PaneShell messages={messages}>
      <ReadPane {...all} />
    </PaneShell>,
  );
}

/** The card of one token: the list item whose heading is the token. */
export async function tokenCard(token: string): Promise<HTMLElement> {
  const heading = await screen.findByRole("heading", { level: 3, name: token });
  const item = heading.closest("li");
  if (item === null) throw new Error(`no list item around ${token}`);
  return item;
}

/** Each term of a description list under `region`, with its detail. */
export function termsOf(region: HTMLElement): Record<string, string> {
  return Object.fromEntries(within(region).getAllByRole("term").map((term) => [term.textContent ?? "", term.nextElementSibling?.textContent ?? ""]));
}
