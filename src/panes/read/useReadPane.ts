/**
 * The read pane's state and behaviour: decode the selected message's subject, look up what its
 * tokens answer, follow ItemChanged, copy tokens. The components only render what this returns.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSelectedItem } from "../shared/useSelectedItem";
import { DEFAULT_SETTINGS } from "../../core/index";
import type { FoundToken, Settings, ValidationError } from "../../core/index";
import { explainSubject } from "../../core";
import type { ForeignMark, NearMiss } from "../../core";
import { answersMail, matchMessage } from "../../core";
import type { ActivityLike, SmartMatch, TokenMatch } from "../../core";
import type { ActivityDirectory } from "../../authority/service/directory";
import { isAccessTokenError } from "../../office/tokenErrors";
import type { MailboxPort, ReadMessage, SettingsPort } from "../../office/ports";
import type { Activity, ActivityLog } from "../../storage/ports";

export type ReadPanePorts = {
  /** The selected item and its changes (a pinned pane follows ItemChanged). */
  readonly mailbox: MailboxPort;
  /** Prefix, history and digit widths to decode with; problems are shown, defaults fill in. */
  readonly settings: SettingsPort;
  /**
   * This device's record of stamped drafts; null when storage is unavailable (tokens still decode).
   * A promise while it opens: the pane decodes at once and says it is still looking (docs/BENCHMARKS.md, Panes).
   */
  readonly activityLog: ActivityLog | null | Promise<ActivityLog | null>;
  /**
   * The tracking service, when settings name one: it resolves colleagues' tokens (and this user's
   * from other devices). @default null (this device's history only)
   */
  readonly directory?: ActivityDirectory | null | undefined;
};

/** An activity as the pane shows it: from this device's log, or from the tracking service (which knows the sender's name). */
export type KnownActivity = ActivityLike & { readonly senderName?: string };

/** Where an answer came from: this device's activity log, or the tracking service. */
export type AnswerSource = "device" | "service";

/** A match and who found it: the two come together or not at all. */
export type Answer<M> = { readonly match: M; readonly by: AnswerSource };

/** One token of ours and, when known, the activity it answers. */
export type TokenReport = {
  readonly token: FoundToken;
  readonly answer: Answer<TokenMatch<KnownActivity>> | undefined;
};

/** Whether the tracking service was asked, and how that went. */
export type ServiceAccess =
  | { readonly status: "none" }
  | { readonly status: "checking" }
  | { readonly status: "answered" }
  /** `signIn`: no token for the service (docs/DEPLOY.md, step 1), so it was never asked. */
  | { readonly status: "unreachable"; readonly reason: string; readonly signIn: boolean };

/** Whether this device's activity history could be consulted. */
export type HistoryAccess =
  /** Still opening: what the tokens answer follows. */
  | { readonly status: "checking" }
  | { readonly status: "available" }
  | { readonly status: "unavailable" }
  | { readonly status: "failed"; readonly reason: string };

export type ReadPaneState =
  | { readonly status: "loading" }
  | { readonly status: "no-item" }
  /** The selected item is being written: this pane is for received mail. */
  | { readonly status: "compose" }
  | {
      readonly status: "message";
      readonly message: ReadMessage;
      readonly tokens: readonly TokenReport[];
      readonly foreign: readonly ForeignMark[];
      readonly nearMisses: readonly NearMiss[];
      /** Only without a token of ours: a proposal, labelled as such. */
      readonly smartMatch: Answer<SmartMatch<KnownActivity>> | undefined;
      readonly history: HistoryAccess;
      /** { status: "none" } when no tracking service is configured. */
      readonly service: ServiceAccess;
      /** Problems with the stored settings; decoding went on with the valid parts and defaults. */
      readonly settingsProblems: readonly ValidationError[];
      /** The settings the subject was decoded with (the stored ones, or the defaults). */
      readonly decodedWith: Settings;
    };

export type CopyState =
  | { readonly status: "idle" }
  | { readonly status: "copied"; readonly token: string }
  | { readonly status: "failed"; readonly token: string };

/** The part of the Clipboard API the pane uses; injectable because hosts and tests differ. */
export type TokenClipboard = { writeText(text: string): Promise<void> };

export type ReadPaneOptions = ReadPanePorts & {
  /** Where Copy writes. @default navigator.clipboard, read when the button is pressed */
  readonly clipboard?: TokenClipboard | undefined;
};

export type ReadPane = {
  readonly state: ReadPaneState;
  readonly copy: CopyState;
  readonly copyToken: (token: string) => Promise<void>;
};

export function useReadPane({ mailbox, settings, activityLog, directory = null, clipboard }: ReadPaneOptions): ReadPane {
  const history = useOpenedLog(activityLog);
  // While this device's history opens, the first render already shows the decoded subject.
  const [state, setState] = useState<ReadPaneState>(() => (history.log() === "opening" ? describeNow(mailbox.currentItem(), settings, directory !== null) : { status: "loading" }));
  const [copy, setCopy] = useState<CopyState>({ status: "idle" });
  // Each refresh gets a number; a lookup that finishes after the user moved on is dropped.
  const generation = useRef(0);

  const refresh = useCallback(async (): Promise<void> => {
    const mine = ++generation.current;
    const current = () => mine === generation.current;
    setCopy({ status: "idle" });
    const item = mailbox.currentItem();
    if (item === null) return setState({ status: "no-item" });
    if (item.mode === "compose") return setState({ status: "compose" });
    // The message already shown (decoded before the history opened) stays while its answers are looked up.
    setState((shown) => (shown.status === "message" && sameMessage(shown.message, item) ? shown : { status: "loading" }));
    let local = await describeMessage(item, settings, history.log(), directory !== null);
    if (!current()) return;
    setState(local);
    if (local.status === "message" && local.history.status === "checking") {
      // Decoded before this device's history opened: what the tokens answer follows.
      local = await describeMessage(item, settings, await history.opened(), directory !== null);
      if (!current()) return;
      setState(local);
    }
    // What this device knows shows at once; the service's answers follow (or why there are none).
    if (directory === null || local.status !== "message") return;
    const resolved = await resolveThroughDirectory(local, directory, mailbox.userEmail);
    if (current()) setState(resolved);
  }, [mailbox, settings, history, directory]);

  // Settings saved in another pane, or the service's deployment, decode the open message again.
  useEffect(() => settings.subscribe(() => void refresh()), [settings, refresh]);

  // With a service, which prefixes are ours is the service's to say (docs/NUMBERING.md): ask once per pane.
  useEffect(() => {
    const ask = directory?.deployment;
    if (ask === undefined) return;
    const serviceUrl = loadSettings(settings).settings.serviceUrl;
    ask
      .call(directory)
      .then((deployment) => settings.adoptDeployment({ serviceUrl, deployment, ordinal: null }))
      .catch(() => undefined); // unreachable now: the deployment last heard (if any) stays in force
  }, [directory, settings]);

  // A lookup still running for the old item is dropped by the next refresh's generation.
  useSelectedItem(mailbox, useCallback(() => void refresh(), [refresh]));

  const copyToken = useCallback(
    async (token: string): Promise<void> => {
      const target = clipboard ?? (typeof navigator === "undefined" ? undefined : navigator.clipboard);
      try {
        if (target === undefined) throw new Error("no clipboard");
        await target.writeText(token);
        setCopy({ status: "copied", token });
      } catch {
        // Outlook hosts may deny clipboard-write to the add-in frame; the user can still select the token.
        setCopy({ status: "failed", token });
      }
    },
    [clipboard],
  );

  return { state, copy, copyToken };
}

/** The history as known now ("opening" until its promise settles), and the promise to wait for; a log that fails to open reads as failed. */
function useOpenedLog(given: ReadPanePorts["activityLog"]): { log(): OpenedLog; opened(): Promise<OpenedLog> } {
  return useMemo(() => {
    if (!(given instanceof Promise)) return { log: () => given, opened: () => Promise.resolve(given) };
    let known: OpenedLog = "opening";
    const opened = given.then(
      (log): OpenedLog => (known = log),
      (error: unknown): OpenedLog => (known = { failed: describeError(error) }),
    );
    return { log: () => known, opened: () => opened };
  }, [given]);
}

type OpenedLog = ActivityLog | null | "opening" | { readonly failed: string };

/** The mailbox reads its item afresh on each call: the same message has the same id and subject. */
function sameMessage(a: ReadMessage, b: ReadMessage): boolean {
  return a.itemId === b.itemId && a.subject === b.subject;
}

/** The state for `item` before its history is known: the subject decoded, what it answers still being looked up. */
function describeNow(item: ReturnType<MailboxPort["currentItem"]>, settingsPort: SettingsPort, withService: boolean): ReadPaneState {
  if (item === null) return { status: "no-item" };
  if (item.mode === "compose") return { status: "compose" };
  return decodeMessage(item, settingsPort, { status: "checking" }, [], withService);
}

/** Everything the pane says about one received message. Never rejects. */
async function describeMessage(message: ReadMessage, settingsPort: SettingsPort, activityLog: OpenedLog, withService = false): Promise<ReadPaneState> {
  let activities: readonly Activity[] = [];
  let history: HistoryAccess = { status: "unavailable" };
  if (activityLog === "opening") history = { status: "checking" };
  else if (activityLog !== null && "failed" in activityLog) history = { status: "failed", reason: activityLog.failed };
  else if (activityLog !== null) {
    try {
      activities = await activityLog.all();
      history = { status: "available" };
    } catch (error) {
      history = { status: "failed", reason: error instanceof Error ? error.message : String(error) };
    }
  }
  return decodeMessage(message, settingsPort, history, activities, withService);
}

/** The message decoded with the saved settings, matched against `activities` (this device's history, as far as known). */
function decodeMessage(message: ReadMessage, settingsPort: SettingsPort, history: HistoryAccess, activities: readonly Activity[], withService: boolean): ReadPaneState {
  const { settings, problems } = loadSettings(settingsPort);
  const explanation = explainSafely(message.subject, settings);
  const { ours, foreign, nearMisses } = explanation.result;
  const settingsProblems = [...problems, ...explanation.problems];

  const matches = matchMessage(message, activities, explanation.settings) ?? [];
  const tokens = ours.map((token): TokenReport => {
    const match = matches.find((m): m is TokenMatch<Activity> => m.method === "token" && m.token.index === token.index);
    return { token, answer: match === undefined ? undefined : { match, by: "device" } };
  });
  const smart = matches.find((m): m is SmartMatch<Activity> => m.method === "smart match");
  return {
    status: "message",
    message,
    tokens,
    foreign,
    nearMisses,
    smartMatch: smart === undefined ? undefined : { match: smart, by: "device" },
    history,
    service: withService ? { status: "checking" } : { status: "none" },
    settingsProblems,
    decodedWith: explanation.settings,
  };
}

type MessageState = Extract<ReadPaneState, { status: "message" }>;

/**
 * Asks the tracking service about what this device cannot answer for itself: tokens not in the
 * local log, or stamped there by another mailbox on this browser (the service is the authority
 * on colleagues' activities, and knows their names). Without a token, the service's correlation
 * stands in for a local smart match that is not this user's own. Never rejects: an unreachable
 * service is reported, and the local answers stay.
 */
async function resolveThroughDirectory(state: MessageState, directory: ActivityDirectory, userEmail: string): Promise<MessageState> {
  const settings = state.decodedWith;
  const own = (activity: KnownActivity): boolean => userEmail !== "" && activity.sender.toLowerCase() === userEmail.toLowerCase();
  try {
    const tokens = await Promise.all(
      state.tokens.map(async (report): Promise<TokenReport> => {
        // This device's own record answers, unless it is a draft here that another device may have sent.
        const known = report.answer?.match.activity;
        if (known !== undefined && own(known) && answersMail(known)) return report;
        const found = await directory.byToken(report.token.text, settings);
        // The service knows no more than a draft that was not sent: keep this device's record of it.
        if (found !== undefined && !answersMail(found) && known !== undefined) return report;
        return found === undefined ? report : { token: report.token, answer: { match: { method: "token", token: report.token, activity: found }, by: "service" } };
      }),
    );
    let { smartMatch } = state;
    if (state.tokens.length === 0 && (smartMatch === undefined || !own(smartMatch.match.activity))) {
      const correlated = await directory.correlate(state.message, settings);
      if (correlated?.method === "smart match") {
        smartMatch = { match: { method: "smart match", activity: correlated.activity, sharedAddresses: correlated.sharedAddresses }, by: "service" };
      }
    }
    return { ...state, tokens, smartMatch, service: { status: "answered" } };
  } catch (error) {
    return { ...state, service: { status: "unreachable", reason: describeError(error), signIn: isAccessTokenError(error) } };
  }
}

function loadSettings(port: SettingsPort): { settings: Settings; problems: readonly ValidationError[] } {
  try {
    return port.load();
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, problems: [{ field: "settings", problem: { code: "settings-unreadable", detail: describeError(error) } }] };
  }
}

/** Decodes with the given settings; if the codec rejects them after all, decodes with the defaults. */
function explainSafely(subject: string, settings: Settings) {
  try {
    return { result: explainSubject(subject, settings), settings, problems: [] as ValidationError[] };
  } catch (error) {
    return {
      result: explainSubject(subject, DEFAULT_SETTINGS),
      settings: DEFAULT_SETTINGS,
      problems: [{ field: "settings", problem: { code: "settings-undecodable", detail: describeError(error) } } as ValidationError],
    };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
