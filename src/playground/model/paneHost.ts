/**
 * The one source of truth behind the played Outlook on the web (outlookHost/outlookWebHost.ts
 * answers office.js from it; the pane pages' device script reads it through
 * window.parent.__playgroundHost): the only part of the mailbox that speaks in what a pane sees (its surface's item, roaming settings that
 * fail offline, host changes, single sign-on). The mail store, the user storage and the simulator
 * behind it know nothing of Office.
 */
import { parseAddressField } from "./addressField";
import { createListeners } from "./listeners";
import type { MailStore } from "./mailStore";
import type { Simulator } from "./simulator";
import type { HostOptions, HostSignInPath, MailAddress, MailMessage, PlaygroundDevice, SerializedRoamingSettings, UserProfile } from "./types";
import type { UserStorage } from "./userStorage";

/** A pane surface: which task pane an iframe holds. */
export type Surface = "read" | "compose";

/** What a pane's item is, as data. Read items are messages; compose items are the open draft. */
export type ItemSnapshot =
  | { readonly kind: "read"; readonly message: MailMessage }
  | { readonly kind: "compose"; readonly draftId: string };

export type HostChange =
  | { readonly kind: "selection" }
  | { readonly kind: "connectivity"; readonly offline: boolean }
  /** To or Cc of the open draft changed: Outlook fires RecipientsChanged on it (Mailbox 1.7). */
  | { readonly kind: "recipients"; readonly draftId: string };

/** What the host needs from the mailbox to answer a pane; unit tests may pass their own. */
export interface PaneHost {
  readonly user: UserProfile;
  /** The simulated device the panes run on: each device has its own IndexedDB. @default "laptop" */
  readonly device?: PlaygroundDevice;
  options(): HostOptions;
  currentItem(surface: Surface): ItemSnapshot | null;
  draftSubject(draftId: string): string | undefined;
  setDraftSubject(draftId: string, subject: string): boolean;
  draftRecipients(draftId: string, field: "to" | "cc"): readonly MailAddress[] | undefined;
  isOffline(): boolean;
  loadRoamingSettings(): SerializedRoamingSettings;
  /** Writes the whole set (last writer wins, as in a mailbox). False when offline. */
  saveRoamingSettings(settings: SerializedRoamingSettings): boolean;
  /** Calls `listener` on every change; returns an unsubscribe. */
  subscribe(listener: (change: HostChange) => void): () => void;
  /**
   * A bearer token for the tracking service, for OfficeRuntime.auth.getAccessToken: in the
   * playground a development token for this user. Absent (or rejecting): no single sign-on.
   */
  accessToken?(): Promise<string>;
  /** The host handed a pane a token this way (NAA bridge or OfficeRuntime.auth). */
  recordSignIn?(path: HostSignInPath): void;
}

export type PaneHostParts = {
  readonly mail: MailStore;
  readonly storage: UserStorage;
  readonly simulator: Simulator;
  readonly device: PlaygroundDevice;
  /** Bearer tokens for the tracking service; without them single sign-on fails. */
  readonly accessTokens?: ((user: UserProfile) => Promise<string>) | undefined;
};

export function createPaneHost({ mail, storage, simulator, device, accessTokens }: PaneHostParts): PaneHost & { readonly device: PlaygroundDevice } {
  // A listener lives in a pane iframe that may be gone; one dead pane must not stop the others.
  const listeners = createListeners<HostChange>((error) => console.warn("Playground: a pane listener failed", error));
  mail.subscribe((change) => {
    if (change.kind === "item") listeners.notify({ kind: "selection" });
    else if (change.kind === "recipients") listeners.notify(change);
  });
  simulator.subscribe((change) => {
    if (change.kind === "connectivity") listeners.notify(change);
  });
  const openDraft = (draftId: string) => {
    const draft = mail.getState().draft;
    return draft?.id === draftId ? draft : undefined;
  };

  return {
    user: storage.user,
    device,
    options: () => simulator.getState().options,
    currentItem(surface) {
      if (surface === "compose") {
        const draft = mail.getState().draft;
        return draft ? { kind: "compose", draftId: draft.id } : null;
      }
      const message = mail.selectedMessage();
      return message ? { kind: "read", message } : null;
    },
    draftSubject: (draftId) => openDraft(draftId)?.subject,
    setDraftSubject(draftId, subject) {
      if (!openDraft(draftId)) return false;
      mail.updateDraft({ subject });
      return true;
    },
    draftRecipients(draftId, field) {
      const draft = openDraft(draftId);
      return draft ? parseAddressField(draft[field]) : undefined;
    },
    isOffline: () => simulator.getState().offline,
    loadRoamingSettings: () => storage.loadRoamingSettings(),
    saveRoamingSettings(settings) {
      // "Work offline": roaming saves fail like a network failure.
      if (simulator.getState().offline) return false;
      storage.saveRoamingSettings(settings);
      return true;
    },
    subscribe: listeners.add,
    accessToken() {
      if (!accessTokens) return Promise.reject(new Error("The playground has no tracking service to sign in to."));
      return accessTokens(storage.user);
    },
    recordSignIn: (path) => simulator.recordSignIn(path),
  };
}
