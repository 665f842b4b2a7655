/**
 * Maps a verified caller to its user number (deploymentBase + ordinal). Ordinals never change
 * once given, so they are cached per identity key: allocation does not read the users table.
 */
import type { Settings } from "../core";
import type { Caller } from "./auth";
import { UserNumbersExhaustedError } from "./errors";
import type { Registration, TrackingStore } from "./store/types";

export type RegisteredUser = Registration & { readonly userNumber: number };

export class UserDirectory {
  readonly #store: TrackingStore;
  readonly #settings: Settings;
  readonly #clock: () => number;
  readonly #ordinals = new Map<string, number>();

  constructor(store: TrackingStore, settings: Settings, clock: () => number) {
    this.#store = store;
    this.#settings = settings;
    this.#clock = clock;
  }

  /**
   * Registers the caller if needed (and updates its mailbox and name); always asks the store. A
   * first registration takes `claimedUserNumber` when nobody holds it (docs/NUMBERING.md).
   */
  async register(caller: Caller, claimedUserNumber?: number): Promise<RegisteredUser> {
    const maxUserNumber = 10 ** this.#settings.userDigits - 1;
    const maxOrdinal = maxUserNumber - this.#settings.deploymentBase;
    const claimOrdinal = claimedUserNumber === undefined ? undefined : claimedUserNumber - this.#settings.deploymentBase;
    const user = await this.#store.registerUser({ key: caller.key, mailbox: caller.mailbox, name: caller.name }, maxOrdinal, this.#clock(), claimOrdinal);
    if (user === undefined || user.ordinal > maxOrdinal) {
      throw new UserNumbersExhaustedError(
        `Every user number of this deployment is taken: deployment base ${this.#settings.deploymentBase} + ordinal must fit in ` +
          `${this.#settings.userDigits} user digits (at most ${maxUserNumber}). Raise USER_DIGITS (or lower DEPLOYMENT_BASE) for more users.`,
      );
    }
    this.#ordinals.set(caller.key, user.ordinal);
    return { ...user, userNumber: this.#settings.deploymentBase + user.ordinal };
  }

  /** Drops the cached ordinals: after the store's data was deleted (the playground's reset). */
  forget(): void {
    this.#ordinals.clear();
  }

  /** The caller's user number, registering it on first use. */
  async userNumber(caller: Caller): Promise<number> {
    const ordinal = this.#ordinals.get(caller.key);
    if (ordinal !== undefined) return this.#settings.deploymentBase + ordinal;
    return (await this.register(caller)).userNumber;
  }
}
