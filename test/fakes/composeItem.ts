/** A draft in memory: ComposeItemPort with switches for the failures Outlook can produce. */
import { OfficeError } from "../../src/office/asyncResult";
import type { ComposeItemPort, Recipients } from "../../src/office/ports";

export type FakeComposeItemInit = {
  subject?: string;
  draftKey?: string;
  canSetSubject?: boolean;
  to?: readonly string[];
  cc?: readonly string[];
};

let drafts = 0;

export class FakeComposeItem implements ComposeItemPort {
  readonly mode = "compose";
  readonly draftKey: string;
  readonly canSetSubject: boolean;
  subject: string;
  to: readonly string[];
  cc: readonly string[];
  /** Every subject set, in order. */
  readonly subjectsSet: string[] = [];
  /** When set, the next setSubject calls reject with this error (one per entry). */
  readonly setSubjectFailures: Error[] = [];
  /** While set, every setSubject rejects with it (and leaves the subject alone). */
  setSubjectError: Error | null = null;
  /** While set, getSubject rejects with it. */
  getSubjectError: Error | null = null;
  /** While set, getSubject waits for it: the subject is still being read. */
  getSubjectGate: Promise<void> | null = null;

  constructor(init: FakeComposeItemInit = {}) {
    this.subject = init.subject ?? "";
    this.draftKey = init.draftKey ?? `fake-draft-${++drafts}`;
    this.canSetSubject = init.canSetSubject ?? true;
    this.to = init.to ?? [];
    this.cc = init.cc ?? [];
  }

  /** Makes the next setSubject fail as Outlook does (default: a generic Office error). */
  failNextSetSubject(error: Error = new OfficeError("The operation failed.", 5001, "InternalError")): this {
    this.setSubjectFailures.push(error);
    return this;
  }

  /** Makes getSubject fail as Outlook does until getSubjectError is cleared. */
  failGetSubject(error: Error = new OfficeError("The subject could not be read.", 5001, "InternalError")): this {
    this.getSubjectError = error;
    return this;
  }

  async getSubject(): Promise<string> {
    if (this.getSubjectGate !== null) await this.getSubjectGate;
    if (this.getSubjectError !== null) throw this.getSubjectError;
    return this.subject;
  }

  async setSubject(subject: string): Promise<void> {
    const failure = this.setSubjectFailures.shift() ?? this.setSubjectError;
    if (failure) throw failure;
    if (!this.canSetSubject) throw new OfficeError("This client cannot set the subject.", 5000, "APINotSupported");
    // Outlook's limit: past 255 characters setAsync fails with DataExceedsMaximumSize.
    if (subject.length > 255) throw new OfficeError("The subject exceeds 255 characters.", 9000, "DataExceedsMaximumSize");
    this.subject = subject;
    this.subjectsSet.push(subject);
  }

  async getRecipients(): Promise<Recipients> {
    return { to: [...this.to], cc: [...this.cc] };
  }

  /** When false, the client has no RecipientsChanged (before Mailbox 1.7). */
  supportsRecipientsChanged = true;
  private readonly recipientListeners = new Set<() => void>();

  async onRecipientsChanged(listener: () => void): Promise<() => void> {
    if (!this.supportsRecipientsChanged) throw new OfficeError("The event is not supported.", 5000, "APINotSupported");
    this.recipientListeners.add(listener);
    return () => this.recipientListeners.delete(listener);
  }

  /** The user edits To or Cc; Outlook fires RecipientsChanged. */
  changeRecipients(recipients: Partial<Recipients>): void {
    if (recipients.to !== undefined) this.to = recipients.to;
    if (recipients.cc !== undefined) this.cc = recipients.cc;
    for (const listener of [...this.recipientListeners]) listener();
  }
}
