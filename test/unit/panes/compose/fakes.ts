/**
 * Small in-memory ports for the compose pane's tests. The Stamper here is a tiny one over the real
 * codec (formatToken, applyToken, stripTokens), so the pane shows what the core really produces.
 */
import { applyToken, formatToken, stripTokens, tokenUserNumber } from "../../../../src/core";
import type { Designator, Settings } from "../../../../src/core/types";
import type { Connectivity, ConnectivityMonitor, FinalizeOutcome, StampOutcome, Stamper, UnstampOutcome } from "../../../../src/authority/ports";
import type { ComposeItemPort, ReadMessage, Recipients } from "../../../../src/office/ports";
import type { PruneCutoffs } from "../../../../src/core";
import type { Activity, ActivityLog } from "../../../../src/storage/ports";
import { FakeSettingsPort as SharedFakeSettingsPort } from "../../../fakes/settingsPort";

/** A promise with its resolve at hand, to hold an operation in flight. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class FakeComposeItem implements ComposeItemPort {
  readonly mode = "compose" as const;
  readonly draftKey: string;
  readonly canSetSubject: boolean;
  subject: string;
  /** When set, setSubject rejects with it (and leaves the subject alone). */
  setSubjectError: Error | null = null;
  /** When set, getSubject rejects with it. */
  getSubjectError: Error | null = null;
  /** When set, getSubject waits for it. */
  getSubjectGate: Promise<void> | null = null;

  constructor({ subject = "", draftKey = "draft-1", canSetSubject = true }: { subject?: string; draftKey?: string; canSetSubject?: boolean } = {}) {
    this.subject = subject;
    this.draftKey = draftKey;
    this.canSetSubject = canSetSubject;
  }

  async getSubject(): Promise<string> {
    if (this.getSubjectGate !== null) await this.getSubjectGate;
    if (this.getSubjectError !== null) throw this.getSubjectError;
    return this.subject;
  }

  async setSubject(subject: string): Promise<void> {
    if (this.setSubjectError !== null) throw this.setSubjectError;
    // Outlook's own limit: the real port rejects with DataExceedsMaximumSize.
    if (subject.length > 255) throw new Error(`DataExceedsMaximumSize: ${subject.length} characters`);
    this.subject = subject;
  }

  recipients: Recipients = { to: ["customer@example.com"], cc: [] };
  private readonly recipientListeners = new Set<() => void>();

  async getRecipients(): Promise<Recipients> {
    return this.recipients;
  }

  async onRecipientsChanged(listener: () => void): Promise<() => void> {
    this.recipientListeners.add(listener);
    return () => this.recipientListeners.delete(listener);
  }

  /** The user edits To or Cc: RecipientsChanged fires. */
  changeRecipients(recipients: Recipients): void {
    this.recipients = recipients;
    for (const listener of [...this.recipientListeners]) listener();
  }
}

export function readMessage(subject: string): ReadMessage {
  return { mode: "read", itemId: "read-1", subject, from: "customer@example.com", to: ["me@example.com"], cc: [], received: null };
}

/** The shared in-memory mailbox (test/fakes): select() fires ItemChanged. */
export { FakeMailbox } from "../../../fakes/mailbox";

export const ONLINE: Connectivity = { status: "online", authority: "mailbox", pending: 0 };

export class FakeMonitor implements ConnectivityMonitor {
  private state: Connectivity;
  private readonly listeners = new Set<(state: Connectivity) => void>();
  rechecks = 0;

  constructor(state: Connectivity = ONLINE) {
    this.state = state;
  }

  current(): Connectivity {
    return this.state;
  }

  subscribe(listener: (state: Connectivity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recheck(): void {
    this.rechecks += 1;
  }

  dispose(): void {
    this.listeners.clear();
  }

  emit(state: Connectivity): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}

/** Compose tests start with a user number, so Add is ready unless a test says otherwise. */
export class FakeSettingsPort extends SharedFakeSettingsPort {
  constructor(overrides: Partial<Settings> = {}) {
    super({ userOrdinal: 2, ...overrides });
  }
}

/**
 * A Stamper over the real codec: one counter, one number per draft, and a burned number on a
 * failed setSubject (never reissued). Scripted outcomes and a gate let tests reach every state.
 */
export class CodecStamper implements Stamper {
  nextCounter = 1003;
  designator: Designator = 0;
  fallbackReason: string | undefined;
  stampCalls = 0;
  unstampCalls = 0;
  /** Returned (in order) by the next stamps instead of stamping. */
  readonly scripted: (StampOutcome | Error)[] = [];
  /** When set, stamp waits for it: the click is in flight until the test resolves it. */
  gate: Promise<void> | null = null;
  private readonly drafts = new Map<string, string>();

  async stamp(item: ComposeItemPort, settings: Settings): Promise<StampOutcome> {
    this.stampCalls += 1;
    if (this.gate !== null) await this.gate;
    const scripted = this.scripted.shift();
    if (scripted instanceof Error) throw scripted;
    if (scripted !== undefined) return scripted;
    const user = tokenUserNumber(settings);
    if (user === undefined) return { status: "blocked", kind: "no-user-number", reason: "No user number is set." };
    let token = this.drafts.get(item.draftKey);
    const reused = token !== undefined;
    if (token === undefined) {
      token = formatToken({ designator: this.designator, user, counter: this.nextCounter++ }, settings);
      this.drafts.set(item.draftKey, token);
    }
    const { subject, shortened } = applyToken(await item.getSubject(), token, settings);
    try {
      await item.setSubject(subject);
    } catch (error) {
      this.drafts.delete(item.draftKey); // used up: a retry issues a new number
      return { status: "failed", reason: `The subject could not be set: ${(error as Error).message}`, burnedToken: token };
    }
    const stamped = { status: "stamped" as const, token, designator: this.designator, subject, shortened, reused };
    return this.fallbackReason === undefined ? stamped : { ...stamped, fallbackReason: this.fallbackReason };
  }

  async unstamp(item: ComposeItemPort, settings: Settings): Promise<UnstampOutcome> {
    this.unstampCalls += 1;
    const subject = stripTokens(await item.getSubject(), settings);
    await item.setSubject(subject);
    return { status: "removed", subject };
  }

  finalizeCalls = 0;
  followCalls = 0;

  async finalize(_item: ComposeItemPort, _settings: Settings): Promise<FinalizeOutcome> {
    this.finalizeCalls += 1;
    return { status: "skipped", reason: "no-activity" };
  }

  async follow(_item: ComposeItemPort, _settings: Settings): Promise<void> {
    this.followCalls += 1;
  }

  async tokenForDraft(draftKey: string): Promise<string | undefined> {
    return this.drafts.get(draftKey);
  }

  /** Drafts whose token the authority refused (another activity holds it), with the reason. */
  readonly conflicts = new Map<string, string>();

  async draftConflict(draftKey: string): Promise<string | undefined> {
    return this.conflicts.get(draftKey);
  }

  async restamp(item: ComposeItemPort, settings: Settings): Promise<StampOutcome> {
    if (this.conflicts.delete(item.draftKey)) this.drafts.delete(item.draftKey); // the refused number is let go
    return this.stamp(item, settings);
  }
}

export class FakeActivityLog implements ActivityLog {
  clears = 0;
  clearError: Error | null = null;
  async put(_activity: Activity): Promise<void> {}
  async get(_token: string): Promise<Activity | undefined> {
    return undefined;
  }
  async byDraft(_draftKey: string): Promise<Activity | undefined> {
    return undefined;
  }
  async all(): Promise<readonly Activity[]> {
    return [];
  }
  async unsynced(): Promise<readonly Activity[]> {
    return [];
  }
  async pendingCount(): Promise<number> {
    return 0;
  }
  async markSynced(_token: string): Promise<void> {}
  async prune(_cutoffs: PruneCutoffs): Promise<number> {
    return 0;
  }
  async clear(): Promise<void> {
    if (this.clearError !== null) throw this.clearError;
    this.clears += 1;
  }
}
