/** In-memory ports for the read pane's tests: a mailbox whose selection the test moves, settings, an activity log. */
import { DEFAULT_SETTINGS } from "../../../../src/core/index";
import type { Settings, ValidationError } from "../../../../src/core/index";
import type { MailItemPort, ReadMessage } from "../../../../src/office/ports";
import { FakeMailbox as SharedFakeMailbox } from "../../../fakes/mailbox";
import { FakeSettingsPort } from "../../../fakes/settingsPort";
import type { Activity } from "../../../../src/storage/ports";

export const ME = "ana@contoso.com";
export const CUSTOMER = "bob@fabrikam.com";

/** The shared in-memory mailbox (test/fakes), signed in as ME. */
export class FakeMailbox extends SharedFakeMailbox {
  constructor(item: MailItemPort | null) {
    super(item, ME);
  }
}

export function fakeSettings(settings: Settings = DEFAULT_SETTINGS, problems: readonly ValidationError[] = []): FakeSettingsPort {
  const port = new FakeSettingsPort(settings);
  port.problems = problems;
  return port;
}

/** The shared activity log (test/fakes), whose all() can be held back to keep the pane loading. */
export { FakeActivityLog } from "../../../fakes/activityLog";

export function received(subject: string, partial: Partial<ReadMessage> = {}): ReadMessage {
  return { mode: "read", itemId: `item-${subject}`, subject, from: CUSTOMER, to: [ME], cc: [], received: null, ...partial };
}

export function sentActivity(partial: Partial<Activity> & Pick<Activity, "token">): Activity {
  return {
    designator: 0,
    user: 2,
    counter: 1003,
    subject: `Quote for 20 chairs ${partial.token}`,
    to: [CUSTOMER],
    cc: [],
    sender: ME,
    stampedAt: Date.UTC(2024, 4, 1, 9, 30),
    draftKey: `draft-${partial.token}`,
    synced: true,
    ...partial,
  };
}
