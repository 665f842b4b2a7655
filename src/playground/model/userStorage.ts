/**
 * What the playground keeps for its users in the origin's Web Storage: each user's roaming
 * settings, the mail they sent, and the mail delivered to them (by a colleague, or a customer's
 * reply), so a user who signs in later finds it.
 */
import { PLAYGROUND_USER } from "./samples";
import type { MailMessage, SerializedRoamingSettings, UserProfile } from "./types";

/** Every key the playground writes starts with this; "Reset playground" clears the whole origin. */
export const STORAGE_PREFIX = "tracking-tokens-playground:";

/** The subset of Web Storage the playground uses; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** One signed-in user's view of the playground's storage. */
export interface UserStorage {
  readonly user: UserProfile;
  /** The stored roaming settings; {} when none are stored, or they are unreadable. */
  loadRoamingSettings(): SerializedRoamingSettings;
  /** Whether any roaming settings are stored for this user, readable or not. */
  hasRoamingSettings(): boolean;
  saveRoamingSettings(settings: SerializedRoamingSettings): void;
  /** What this user sent, beyond the sample mail. */
  loadSent(): MailMessage[];
  saveSent(messages: readonly MailMessage[]): void;
  /** Mail delivered to this user. */
  loadDelivered(): MailMessage[];
  /** Delivers `message` to the Inbox of `emailAddress` (this user or a colleague). */
  deliver(emailAddress: string, message: MailMessage): void;
}

/** Where mail delivered to a playground user is kept. */
const deliveredKey = (emailAddress: string): string => `${STORAGE_PREFIX}inbox:${emailAddress.toLowerCase()}`;

export function createUserStorage(storage: KeyValueStorage, user: UserProfile): UserStorage {
  const roamingKey = `${STORAGE_PREFIX}roaming:${user.emailAddress}`;
  // Pat's sent mail keeps the key it always had; other users get their own.
  const sentKey = user.emailAddress === PLAYGROUND_USER.emailAddress ? `${STORAGE_PREFIX}sent` : `${STORAGE_PREFIX}sent:${user.emailAddress}`;

  const loadMessages = (key: string): MailMessage[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? "[]");
      return Array.isArray(parsed) ? (parsed as MailMessage[]) : [];
    } catch {
      return [];
    }
  };

  return {
    user,
    loadRoamingSettings() {
      const stored = storage.getItem(roamingKey);
      if (!stored) return {};
      try {
        const parsed: unknown = JSON.parse(stored);
        return parsed && typeof parsed === "object" ? (parsed as SerializedRoamingSettings) : {};
      } catch {
        return {};
      }
    },
    hasRoamingSettings: () => storage.getItem(roamingKey) !== null,
    saveRoamingSettings: (settings) => storage.setItem(roamingKey, JSON.stringify(settings)),
    loadSent: () => loadMessages(sentKey),
    saveSent: (messages) => storage.setItem(sentKey, JSON.stringify(messages)),
    loadDelivered: () => loadMessages(deliveredKey(user.emailAddress)),
    deliver(emailAddress, message) {
      const key = deliveredKey(emailAddress);
      storage.setItem(key, JSON.stringify([...loadMessages(key), message]));
    },
  };
}
