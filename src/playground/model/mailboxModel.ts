/**
 * The playground's mailbox, composed of its parts: the user's storage, their mail, the editor of
 * the add-in's settings, the simulator, and the host that Outlook on the web's side answers every
 * pane iframe from (outlookHost/). The playground page, its window API and the tests hold this one object.
 */
import { createListeners } from "./listeners";
import { MailStore, type MailState } from "./mailStore";
import { createPaneHost, type PaneHost } from "./paneHost";
import { PLAYGROUND_USER, SAMPLE_INBOX, SAMPLE_SENT, SEEDED_ROAMING_SETTINGS } from "./samples";
import { createSettingsEditor, type SettingsEditor } from "./settingsEditor";
import { createSimulator, type Simulator, type SimulatorState } from "./simulator";
import type { MailMessage, PlaygroundDevice, UserProfile } from "./types";
import { createUserStorage, type KeyValueStorage, type UserStorage } from "./userStorage";

/** The whole mailbox as the playground's UI shows it: the mail and the simulator's switches. */
export type MailboxState = MailState & SimulatorState;

export type MailboxModelOptions = {
  readonly storage: KeyValueStorage;
  /** @default PLAYGROUND_USER */
  readonly user?: UserProfile;
  /** The clock, for the time a message is sent. @default () => new Date() */
  readonly now?: () => Date;
  /** The Inbox's sample mail. @default SAMPLE_INBOX */
  readonly inbox?: readonly MailMessage[];
  /** The Sent folder's sample mail. @default SAMPLE_SENT */
  readonly sent?: readonly MailMessage[];
  /** Roaming settings seeded when none are stored for this user. @default SEEDED_ROAMING_SETTINGS */
  readonly seedRoaming?: Readonly<Record<string, unknown>>;
  /** The other playground users: mail to them (To or Cc) lands in their Inbox. @default [] */
  readonly colleagues?: readonly UserProfile[];
  /** Bearer tokens for the tracking service, for the panes' OfficeRuntime.auth.getAccessToken. */
  readonly accessTokens?: (user: UserProfile) => Promise<string>;
  /** The device the panes run on. @default "laptop" */
  readonly device?: PlaygroundDevice;
};

export class MailboxModel {
  readonly user: UserProfile;
  readonly storage: UserStorage;
  readonly mail: MailStore;
  readonly settings: SettingsEditor;
  readonly simulator: Simulator;
  /** What the played Outlook on the web answers the panes from (outlookHost/outlookWebHost.ts). */
  readonly host: PaneHost;
  private state: MailboxState;
  private readonly listeners = createListeners<void>();

  constructor({ storage, user = PLAYGROUND_USER, now, inbox = SAMPLE_INBOX, sent = SAMPLE_SENT, seedRoaming = SEEDED_ROAMING_SETTINGS, colleagues = [], accessTokens, device = "laptop" }: MailboxModelOptions) {
    this.user = user;
    this.storage = createUserStorage(storage, user);
    this.settings = createSettingsEditor(this.storage, seedRoaming);
    this.simulator = createSimulator(now);
    this.mail = new MailStore({ storage: this.storage, now: this.simulator.now, inbox, sent, colleagues });
    this.host = createPaneHost({ mail: this.mail, storage: this.storage, simulator: this.simulator, device, accessTokens });
    this.state = this.combinedState();
    const refresh = ({ kind }: { kind: string }): void => {
      if (kind !== "updated") return;
      this.state = this.combinedState();
      this.listeners.notify();
    };
    this.mail.subscribe(refresh);
    this.simulator.subscribe(refresh);
  }

  getState = (): MailboxState => this.state;

  /** For React's useSyncExternalStore: called after every state change. */
  subscribeState = (listener: () => void): (() => void) => this.listeners.add(listener);

  private combinedState(): MailboxState {
    return { ...this.mail.getState(), ...this.simulator.getState() };
  }
}
