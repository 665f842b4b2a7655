/** In-memory ports for the read pane's tests: a mailbox whose selection the test moves, settings, an activity log. */
import { DEFAULT_SETTINGS } from "../../../../src/core/index";
import type { Settings, ValidationError } from "../../../../src/core/index";
import type { LoadedSettings, MailItemPort, MailboxPort, ReadMessage, SettingsPort } from "../../../../src/office/ports";
import type { Activity, ActivityLog } from "../../../../src/storage/ports";

export const ME = "ana@contoso.com";
export const CUSTOMER = "bob@fabrikam.com";

export class FakeMailbox implements MailboxPort {
  readonly userEmail = ME;
  private listeners = new Set<() => void>();

  constructor(private item: MailItemPort | null) {}

  currentItem(): MailItemPort | null {
    return this.item;
  }

  onItemChanged(listener: () => void): Promise<() => void> {
    this.listeners.add(listener);
    return Promise.resolve(() => this.listeners.delete(listener));
  }

  /** What Outlook does when the user selects another message in a pinned pane. */
  select(item: MailItemPort | null): void {
    this.item = item;
    for (const listener of this.listeners) listener();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

export function fakeSettings(settings: Settings = DEFAULT_SETTINGS, problems: readonly ValidationError[] = []): SettingsPort {
  const loaded: LoadedSettings = { settings, problems };
  return {
    load: () => loaded,
    save: () => Promise.reject(new Error("the read pane does not save settings")),
  };
}

export class FakeActivityLog implements ActivityLog {
  private readonly activities = new Map<string, Activity>();
  /** While set, all() waits for it: lets a test hold the pane in its loading state. */
  gate: Promise<void> | undefined;

  constructor(activities: readonly Activity[] = []) {
    for (const a of activities) this.activities.set(a.token, a);
  }

  async put(activity: Activity): Promise<void> {
    this.activities.set(activity.token, activity);
  }
  async get(token: string): Promise<Activity | undefined> {
    return this.activities.get(token);
  }
  async byDraft(draftKey: string): Promise<Activity | undefined> {
    return [...this.activities.values()].find((a) => a.draftKey === draftKey);
  }
  async all(): Promise<readonly Activity[]> {
    if (this.gate !== undefined) await this.gate;
    return [...this.activities.values()].sort((a, b) => b.stampedAt - a.stampedAt);
  }
  async unsynced(): Promise<readonly Activity[]> {
    return [...this.activities.values()].filter((a) => !a.synced);
  }
  async markSynced(token: string): Promise<void> {
    const a = this.activities.get(token);
    if (a !== undefined) this.activities.set(token, { ...a, synced: true });
  }
  async prune(before: number): Promise<number> {
    let n = 0;
    for (const [token, a] of this.activities) if (a.stampedAt < before && this.activities.delete(token)) n++;
    return n;
  }
  async clear(): Promise<void> {
    this.activities.clear();
  }
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
