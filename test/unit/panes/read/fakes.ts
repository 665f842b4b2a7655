/** In-memory ports for the read pane's tests: a mailbox whose selection the test moves, settings, an activity log. */
import { DEFAULT_SETTINGS } from "../../../../src/core/index";
import type { Settings, ValidationError } from "../../../../src/core/index";
import type { MailItemPort, ReadMessage } from "../../../../src/office/ports";
import { FakeMailbox as SharedFakeMailbox } from "../../../fakes/mailbox";
import { FakeSettingsPort } from "../../../fakes/settingsPort";
import { createMemoryActivityLog } from "../../../../src/storage/memoryActivityLog";
import type { PruneCutoffs } from "../../../../src/core";
import type { Activity, ActivityLog } from "../../../../src/storage/ports";

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

/** The in-memory log from src/storage, whose all() can be held back to keep the pane loading. */
export class FakeActivityLog implements ActivityLog {
  /** While set, all() waits for it: lets a test hold the pane in its loading state. */
  gate: Promise<void> | undefined;
  private readonly log: ActivityLog;

  constructor(activities: readonly Activity[] = []) {
    this.log = createMemoryActivityLog(activities);
  }

  put = (activity: Activity) => this.log.put(activity);
  get = (token: string) => this.log.get(token);
  byDraft = (draftKey: string) => this.log.byDraft(draftKey);
  async all(): Promise<readonly Activity[]> {
    if (this.gate !== undefined) await this.gate;
    return this.log.all();
  }
  unsynced = () => this.log.unsynced();
  markSynced = (token: string) => this.log.markSynced(token);
  pendingCount = () => this.log.pendingCount();
  prune = (cutoffs: PruneCutoffs) => this.log.prune(cutoffs);
  clear = () => this.log.clear();
}

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
