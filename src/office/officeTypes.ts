/**
 * The slices of Office.js this folder reads, typed structurally so plain test objects (test/fakes,
 * the browser tests' stamp harness) fit as well as the real host. Real Office objects satisfy every one of them.
 */
import type { AsyncResultLike } from "./asyncResult";

export type OfficeCallback<T> = (result: AsyncResultLike<T>) => void;

/** An EmailAddressDetails as Mailbox 1.1 gives it. */
export type EmailAddressLike = { readonly emailAddress: string; readonly displayName?: string };

/** item.subject in compose mode (Office.Subject). */
export type SubjectLike = {
  getAsync(callback: OfficeCallback<string>): void;
  setAsync?: (subject: string, callback: OfficeCallback<void>) => void;
};

/** item.to / item.cc in compose mode (Office.Recipients). */
export type RecipientsLike = { getAsync(callback: OfficeCallback<EmailAddressLike[]>): void };

/** Office.MessageCompose, as far as the compose pane needs it. */
export type ComposeItemLike = {
  readonly itemId?: string | null;
  readonly subject: SubjectLike;
  readonly to?: RecipientsLike;
  readonly cc?: RecipientsLike;
  /** Mailbox 1.7: item-level events such as RecipientsChanged. */
  addHandlerAsync?(eventType: unknown, handler: (args?: unknown) => void, callback?: OfficeCallback<void>): void;
  removeHandlerAsync?(eventType: unknown, callback?: OfficeCallback<void>): void;
};

/** Office.MessageRead, as far as the read pane needs it (Mailbox 1.1). */
export type ReadItemLike = {
  readonly itemId?: string | null;
  readonly subject: string;
  readonly from?: EmailAddressLike | null;
  readonly to?: readonly EmailAddressLike[] | null;
  readonly cc?: readonly EmailAddressLike[] | null;
  readonly dateTimeCreated?: Date | null;
};

/** Office.RoamingSettings. */
export type RoamingSettingsLike = {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: OfficeCallback<void>): void;
};

export type RequirementsLike = { isSetSupported(name: string, minVersion?: string): boolean };

/** The Office global, as far as this folder uses it. */
export type OfficeLike = {
  readonly context: {
    readonly mailbox: {
      readonly item?: ComposeItemLike | ReadItemLike | null;
      readonly userProfile?: { readonly emailAddress?: string } | null;
      addHandlerAsync(eventType: unknown, handler: (args?: unknown) => void, callback?: OfficeCallback<void>): void;
    };
    readonly roamingSettings: RoamingSettingsLike;
    readonly requirements: RequirementsLike;
  };
  readonly EventType: { readonly ItemChanged: unknown; readonly RecipientsChanged?: unknown };
};
