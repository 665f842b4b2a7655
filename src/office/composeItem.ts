/** ComposeItemPort over Office.MessageCompose: subject and recipients through fromAsyncResult. */
import { fromAsyncResult } from "./asyncResult";
import type { ComposeItemLike, EmailAddressLike, RecipientsLike, RequirementsLike } from "./officeTypes";
import type { ComposeItemPort, Recipients } from "./ports";

export type ComposeItemOptions = {
  /** Decides canSetSubject together with the item's own API. @default Office.context.requirements, read when called */
  readonly requirements?: RequirementsLike;
  /** Makes the draft key of an unsaved draft. @default crypto.randomUUID */
  readonly randomKey?: () => string;
  /** Office.EventType.RecipientsChanged. @default the Office global's, read when subscribing */
  readonly recipientsChangedEvent?: unknown;
};

// One key per item object: the pane may wrap the same draft several times (ItemChanged, re-render).
const draftKeys = new WeakMap<object, string>();

/**
 * True when this client can change the subject: Mailbox 1.1 is supported and the item has
 * subject.setAsync (some clients expose compose items without it).
 */
export function canSetSubject(item: ComposeItemLike, requirements: RequirementsLike | undefined): boolean {
  let supported = false;
  try {
    supported = requirements?.isSetSupported("Mailbox", "1.1") ?? false;
  } catch {
    supported = false;
  }
  return supported && typeof item.subject?.setAsync === "function";
}

/** The draft's key: its item id once saved, else a random key made once per item object. */
export function draftKeyFor(item: ComposeItemLike, randomKey: () => string = defaultRandomKey): string {
  if (typeof item.itemId === "string" && item.itemId !== "") return item.itemId;
  let key = draftKeys.get(item);
  if (key === undefined) {
    key = `draft:${randomKey()}`;
    draftKeys.set(item, key);
  }
  return key;
}

/**
 * crypto.randomUUID where there is Web Crypto. Classic Outlook's JavaScript-only runtime is not
 * documented to have it (docs/AUTO-STAMP.md), and the key only has to tell this runtime's drafts
 * apart, so Math.random stands in there.
 */
function defaultRandomKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

export function createComposeItem(item: ComposeItemLike, options: ComposeItemOptions = {}): ComposeItemPort {
  const setAllowed = canSetSubject(item, options.requirements ?? hostRequirements());
  return {
    mode: "compose",
    draftKey: draftKeyFor(item, options.randomKey),
    canSetSubject: setAllowed,
    getSubject: () => fromAsyncResult<string>((callback) => item.subject.getAsync(callback)).then((s) => s ?? ""),
    setSubject: (subject) =>
      fromAsyncResult<void>((callback) => {
        const setAsync = item.subject.setAsync;
        if (typeof setAsync !== "function") throw new Error("This version of Outlook cannot change the subject from an add-in.");
        setAsync.call(item.subject, subject, callback);
      }),
    getRecipients: async (): Promise<Recipients> => {
      const [to, cc] = await Promise.all([addresses(item.to), addresses(item.cc)]);
      return { to, cc };
    },
    async onRecipientsChanged(listener) {
      const eventType = options.recipientsChangedEvent ?? hostEventType("RecipientsChanged");
      const add = item.addHandlerAsync;
      const remove = item.removeHandlerAsync;
      if (eventType === undefined || typeof add !== "function") throw new Error("This version of Outlook does not report recipient changes (Mailbox 1.7).");
      const handler = () => {
        // Never throw into Office's dispatcher: nothing there would catch it.
        try {
          listener();
        } catch (error) {
          console.error("RecipientsChanged listener failed", error);
        }
      };
      await fromAsyncResult<void>((callback) => add.call(item, eventType, handler, callback));
      return () => {
        if (typeof remove === "function") void fromAsyncResult<void>((callback) => remove.call(item, eventType, callback)).catch(() => undefined);
      };
    },
  };
}

function hostEventType(name: "RecipientsChanged"): unknown {
  return (globalThis as { Office?: { EventType?: Record<string, unknown> } }).Office?.EventType?.[name];
}

function hostRequirements(): RequirementsLike | undefined {
  return (globalThis as { Office?: { context?: { requirements?: RequirementsLike } } }).Office?.context?.requirements;
}

async function addresses(recipients: RecipientsLike | undefined): Promise<string[]> {
  if (!recipients) return [];
  const details = await fromAsyncResult<EmailAddressLike[]>((callback) => recipients.getAsync(callback));
  return emailAddresses(details);
}

/** Plain addresses from EmailAddressDetails, skipping entries without one. */
export function emailAddresses(details: readonly EmailAddressLike[] | null | undefined): string[] {
  return (details ?? []).map((d) => d.emailAddress).filter((a): a is string => typeof a === "string" && a !== "");
}
