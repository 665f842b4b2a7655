/** Plain objects shaped like Office.js pieces, answering callbacks the way Office does. */
import type { AsyncResultLike } from "../../../src/office/asyncResult";
import type { EmailAddressLike, OfficeCallback } from "../../../src/office/officeTypes";

export const succeeded = <T>(value: T): AsyncResultLike<T> => ({ status: "succeeded", value });
export const failed = <T>(code: number, name: string, message: string): AsyncResultLike<T> => ({
  status: "failed",
  value: undefined as T,
  error: { code, name, message },
});

export function officeComposeItem(init: { subject?: string; to?: EmailAddressLike[]; cc?: EmailAddressLike[]; itemId?: string; withSetAsync?: boolean; setFails?: AsyncResultLike<void> } = {}) {
  const state = { subject: init.subject ?? "" };
  const subject: { getAsync(cb: OfficeCallback<string>): void; setAsync?: (s: string, cb: OfficeCallback<void>) => void } = {
    getAsync: (cb) => cb(succeeded(state.subject)),
  };
  if (init.withSetAsync !== false) {
    subject.setAsync = (value, cb) => {
      if (init.setFails) return cb(init.setFails);
      state.subject = value;
      cb(succeeded(undefined));
    };
  }
  return {
    state,
    item: {
      ...(init.itemId !== undefined ? { itemId: init.itemId } : {}),
      subject,
      to: { getAsync: (cb: OfficeCallback<EmailAddressLike[]>) => cb(succeeded(init.to ?? [])) },
      cc: { getAsync: (cb: OfficeCallback<EmailAddressLike[]>) => cb(succeeded(init.cc ?? [])) },
    },
  };
}

export const supportsMailbox11 = { isSetSupported: (name: string, version?: string) => name === "Mailbox" && (version ?? "1.1") <= "1.1" };
export const supportsNothing = { isSetSupported: () => false };
