/**
 * Small in-memory ports for the compose pane's tests. The Stamper here is a tiny one over the real
 * codec (formatToken, applyToken, stripTokens), so the pane shows what the core really produces.
 */
import { applyToken, formatToken, stripTokens, tokenUserNumber } from "../../../../src/core";
import type { Designator, Settings } from "../../../../src/core/types";
import type { Connectivity, FinalizeOutcome, StampOutcome, Stamper, UnstampOutcome } from "../../../../src/authority/ports";
import type { ComposeItemPort, ReadMessage } from "../../../../src/office/ports";

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

export function readMessage(subject: string): ReadMessage {
  return { mode: "read", itemId: "read-1", subject, from: "customer@example.com", to: ["me@example.com"], cc: [], received: null };
}

/** The shared fakes (test/fakes): the mailbox's select() fires ItemChanged; the monitor's set() changes the state. */
export { FakeActivityLog, FakeComposeItem, FakeConnectivityMonitor, FakeMailbox, FakeSettingsPort } from "../../../fakes";

/** Compose tests start with a user number, so Add is ready unless a test says otherwise. */
export const WITH_USER_NUMBER: Partial<Settings> = { userOrdinal: 2 };

export const ONLINE: Connectivity = { status: "online", authority: "mailbox", pending: 0 };

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
