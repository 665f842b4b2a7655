/**
 * The read pane's state and behaviour: decode the selected message's subject, look up what its
 * tokens answer, follow ItemChanged, copy tokens. The components only render what this returns.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { DEFAULT_SETTINGS } from "../../core/index";
import type { FoundToken, Settings, ValidationError } from "../../core/index";
import { explainSubject } from "../../core";
import type { ForeignMark, NearMiss } from "../../core";
import { matchMessage } from "../../core";
import type { SmartMatch, TokenMatch } from "../../core";
import type { MailboxPort, ReadMessage, SettingsPort } from "../../office/ports";
import type { Activity, ActivityLog } from "../../storage/ports";

export type ReadPanePorts = {
  /** The selected item and its changes (a pinned pane follows ItemChanged). */
  readonly mailbox: MailboxPort;
  /** Prefix, history and digit widths to decode with; problems are shown, defaults fill in. */
  readonly settings: SettingsPort;
  /** This device's record of stamped drafts; null when storage is unavailable (tokens still decode). */
  readonly activityLog: ActivityLog | null;
};

/** One token of ours and, when this device knows it, the activity it answers. */
export type TokenReport = {
  readonly token: FoundToken;
  readonly match: TokenMatch<Activity> | undefined;
};

/** Whether this device's activity history could be consulted. */
export type HistoryAccess =
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
      readonly smartMatch: SmartMatch<Activity> | undefined;
      readonly history: HistoryAccess;
      /** Problems with the stored settings; decoding went on with the valid parts and defaults. */
      readonly settingsProblems: readonly ValidationError[];
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

export function useReadPane({ mailbox, settings, activityLog, clipboard }: ReadPaneOptions): ReadPane {
  const [state, setState] = useState<ReadPaneState>({ status: "loading" });
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
    setState({ status: "loading" });
    const next = await describeMessage(item, settings, activityLog);
    if (current()) setState(next);
  }, [mailbox, settings, activityLog]);

  useEffect(() => {
    void refresh();
    let unsubscribe: (() => void) | undefined;
    let disposed = false;
    mailbox.onItemChanged(() => void refresh()).then(
      (stop) => {
        if (disposed) stop();
        else unsubscribe = stop;
      },
      () => {
        // Hosts without ItemChanged (unpinnable panes) reload the pane per item instead.
      },
    );
    return () => {
      // A lookup still running for the old ports is dropped by the next refresh's generation.
      disposed = true;
      unsubscribe?.();
    };
  }, [mailbox, refresh]);

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

/** Everything the pane says about one received message. Never rejects. */
async function describeMessage(message: ReadMessage, settingsPort: SettingsPort, activityLog: ActivityLog | null): Promise<ReadPaneState> {
  const { settings, problems } = loadSettings(settingsPort);
  const explanation = explainSafely(message.subject, settings);
  const { ours, foreign, nearMisses } = explanation.result;
  const settingsProblems = [...problems, ...explanation.problems];

  let activities: readonly Activity[] = [];
  let history: HistoryAccess = { status: "unavailable" };
  if (activityLog !== null) {
    try {
      activities = await activityLog.all();
      history = { status: "available" };
    } catch (error) {
      history = { status: "failed", reason: error instanceof Error ? error.message : String(error) };
    }
  }

  const matches = matchMessage(message, activities, explanation.settings) ?? [];
  const tokens = ours.map((token): TokenReport => ({
    token,
    match: matches.find((m): m is TokenMatch<Activity> => m.method === "token" && m.token.index === token.index),
  }));
  const smartMatch = matches.find((m): m is SmartMatch<Activity> => m.method === "smart match");
  return { status: "message", message, tokens, foreign, nearMisses, smartMatch, history, settingsProblems };
}

function loadSettings(port: SettingsPort): { settings: Settings; problems: readonly ValidationError[] } {
  try {
    return port.load();
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, problems: [{ field: "settings", message: `The settings could not be read (${describeError(error)}); the defaults are used.` }] };
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
      problems: [{ field: "settings", message: `The settings cannot be used for decoding (${describeError(error)}); the defaults are used.` }],
    };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
