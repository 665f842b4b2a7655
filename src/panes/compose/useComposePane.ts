/**
 * The compose pane's state and behaviour: which draft it shows, what its subject holds, the mode
 * the next token will use, and the Add / Remove actions. Components only render what this returns.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DEFAULT_SETTINGS, numberingMode, pruneCutoffs } from "../../core";
import type { Settings, ValidationError } from "../../core/types";
import type { Connectivity, ConnectivityMonitor, StampOutcome, Stamper } from "../../authority/ports";
import type { ComposeItemPort, MailboxPort, SettingsPort } from "../../office/ports";
import type { ActivityLog } from "../../storage/ports";
import { useSelectedItem } from "../shared/useSelectedItem";
import type { ItemCause } from "../shared/useSelectedItem";
import { readSubject } from "../../core/subjectReading";
import type { SubjectReading } from "../../core/subjectReading";

/** Where the pane's numbers come from: the entry opens it (a chunk, this device's stores, the authority). */
export type ComposeNumbering = {
  /** Issues (or reuses) a draft's token and writes it to the subject. */
  readonly stamper: Stamper;
  /** Which mode the next token will use, live. */
  readonly monitor: ConnectivityMonitor;
  /** The local activity log, for "Clear history"; null when this device has none. */
  readonly activityLog: ActivityLog | null;
};

/** Everything the compose pane talks to. The entry builds the real ones; tests pass fakes. */
export type ComposePorts = {
  /** The selected item and its changes (pinned pane). */
  readonly mailbox: MailboxPort;
  /** The add-in's settings (roaming). */
  readonly settings: SettingsPort;
  /** How often the subject is re-read while the pane is visible. @default SUBJECT_RECHECK_MS */
  readonly subjectRecheckMs?: number;
  /**
   * The draft and its subject as the entry read them before the first render, so that render already
   * shows the draft and its Add button. @default none: the pane reads the subject as it opens
   */
  readonly firstReading?: FirstReading | undefined;
} & (
  | ComposeNumbering
  | {
      /**
       * The numbering while it opens: the pane shows the draft and its Add button meanwhile, the
       * badge says Checking…, and a click waits for it, then stamps (docs/BENCHMARKS.md, Panes).
       */
      readonly numbering: Promise<ComposeNumbering>;
    }
);

/** A draft's subject read before the pane rendered. */
export type FirstReading = { readonly item: ComposeItemPort; readonly subject: string };

/**
 * The draft state the first render can show from a subject read beforehand: a subject with no token
 * of ours reads the same whatever this device's log says. Otherwise "loading", until the log answers.
 */
function firstState(first: FirstReading | undefined, settings: Settings): ComposePaneState {
  if (first === undefined) return { status: "loading" };
  const reading = readSubject(first.subject, settings, undefined);
  if (reading.ours.length > 0) return { status: "loading" };
  return first.item.canSetSubject ? { status: "draft", subject: reading, action: { status: "idle" } } : { status: "cannot-set-subject", subject: reading };
}

/** What the badge says until the numbering is open. */
const CHECKING: Connectivity = { status: "checking", pending: 0 };

/** The numbering once open (null until then), and a promise of it for work that must wait. */
function useNumbering(ports: ComposePorts): { numbering: ComposeNumbering | null; ready: Promise<ComposeNumbering> } {
  const opening = "numbering" in ports ? ports.numbering : undefined;
  const { stamper, monitor, activityLog } = "numbering" in ports ? { stamper: undefined, monitor: undefined, activityLog: null } : ports;
  const given = useMemo(() => (stamper && monitor ? { stamper, monitor, activityLog } : null), [stamper, monitor, activityLog]);
  const ready = useMemo(() => opening ?? Promise.resolve(given as ComposeNumbering), [opening, given]);
  const [opened, setOpened] = useState<{ from: Promise<ComposeNumbering>; numbering: ComposeNumbering } | null>(null);
  useEffect(() => {
    if (opening === undefined) return;
    let live = true;
    // A numbering that cannot open is the entry's to report (the pane could not start).
    opening.then((numbering) => live && setOpened({ from: opening, numbering }), () => undefined);
    return () => {
      live = false;
    };
  }, [opening]);
  return { numbering: given ?? (opened !== null && opened.from === opening ? opened.numbering : null), ready };
}

/**
 * Outlook has no subject-changed event for add-ins, so the pane re-reads the subject this often
 * while it is visible (and whenever it is shown or focused): what the user types by hand shows within it.
 */
export const SUBJECT_RECHECK_MS = 2000;

export type StampedOutcome = Extract<StampOutcome, { status: "stamped" }>;
export type BlockedKind = Extract<StampOutcome, { status: "blocked" }>["kind"];

/** The last action on this draft and how it ended. */
export type ActionState =
  | { readonly status: "idle" }
  | { readonly status: "stamping" }
  | { readonly status: "removing" }
  | { readonly status: "stamped"; readonly outcome: StampedOutcome }
  | { readonly status: "removed" }
  | { readonly status: "blocked"; readonly kind: BlockedKind; readonly reason: string }
  | { readonly status: "failed"; readonly action: "stamp" | "unstamp"; readonly reason: string; readonly burnedToken?: string };

export type ComposePaneState =
  | { readonly status: "loading" }
  /** Pinned pane with nothing selected. */
  | { readonly status: "no-item" }
  /** The selected item is a received message: this pane works on messages being written. */
  | { readonly status: "read-item" }
  | { readonly status: "subject-unreadable"; readonly reason: string }
  /** The client cannot set the subject: the pane explains and offers no Add. */
  | { readonly status: "cannot-set-subject"; readonly subject: SubjectReading }
  | {
      readonly status: "draft";
      readonly subject: SubjectReading;
      readonly action: ActionState;
      /** Why the authority refused this draft's token (another activity holds it); the pane offers a new number. */
      readonly conflict?: string;
    };

/** Whether Add can be offered before the user clicks, and if not, why. */
export type StampReadiness =
  | { readonly status: "ready" }
  /** Tracking tokens are off (Settings): the pane says so and offers no Add. */
  | { readonly status: "tracking-off" }
  /** Standalone mode without a user number: the first run asks for it. */
  | { readonly status: "needs-user-number" }
  | { readonly status: "offline-unavailable"; readonly reason: string };

/** The settings form: closed, opened by the user, or open for the first run (no user number yet: nothing else to do). */
export type SettingsPanel = { readonly status: "closed" } | { readonly status: "open" } | { readonly status: "first-run" };

export type ComposePane = {
  readonly state: ComposePaneState;
  readonly connectivity: Connectivity;
  readonly settings: Settings;
  /** The tracking service whose deployment sets the service-owned fields; absent when the user sets them. */
  readonly managedBy: string | undefined;
  /** Problems found in the stored settings (defaults were used for those fields). */
  readonly settingsProblems: readonly ValidationError[];
  readonly readiness: StampReadiness;
  readonly settingsPanel: SettingsPanel;
  /** The local activity log, for "Clear history"; null when this device has none, or until the numbering is open. */
  readonly activityLog: ActivityLog | null;
  addToken(): void;
  /** Gives a draft whose token another activity holds a new number. */
  restampToken(): void;
  removeToken(): void;
  /** Repeats the failed action, or re-reads an unreadable subject. */
  retry(): void;
  recheckConnectivity(): void;
  openSettings(): void;
  closeSettings(): void;
  /** The settings form saved: use what the port holds now (the service's fields in place, when it has a say). */
  settingsSaved(): void;
};

export function stampReadiness(settings: Settings, connectivity: Connectivity): StampReadiness {
  if (!settings.trackingEnabled) return { status: "tracking-off" };
  // With a service, the service assigns the user number; only standalone needs one typed in.
  if (numberingMode(settings.serviceUrl).kind === "standalone" && settings.userOrdinal === null) return { status: "needs-user-number" };
  if (connectivity.status === "offline" && !connectivity.localCounter.available) {
    return { status: "offline-unavailable", reason: connectivity.localCounter.reason };
  }
  return { status: "ready" };
}

function loadSettings(port: SettingsPort): { settings: Settings; problems: readonly ValidationError[]; managedBy?: string } {
  try {
    return port.load();
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, problems: [{ field: "settings", problem: { code: "settings-unreadable", detail: messageOf(error) } }] };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function conflictOf(conflict: string | undefined): { conflict?: string } {
  return conflict === undefined ? {} : { conflict };
}

function actionAfterStamp(outcome: StampOutcome): ActionState {
  switch (outcome.status) {
    case "stamped":
      return { status: "stamped", outcome };
    case "blocked":
      return { status: "blocked", kind: outcome.kind, reason: outcome.reason };
    case "failed":
      return outcome.burnedToken === undefined
        ? { status: "failed", action: "stamp", reason: outcome.reason }
        : { status: "failed", action: "stamp", reason: outcome.reason, burnedToken: outcome.burnedToken };
  }
}

export function useComposePane(ports: ComposePorts): ComposePane {
  const { mailbox } = ports;
  const { numbering, ready } = useNumbering(ports);
  const [loaded] = useState(() => loadSettings(ports.settings));
  const [settings, setSettings] = useState<Settings>(loaded.settings);
  const [settingsProblems, setSettingsProblems] = useState(loaded.problems);
  const [managedBy, setManagedBy] = useState(loaded.managedBy);
  const [connectivity, setConnectivity] = useState<Connectivity>(() => numbering?.monitor.current() ?? CHECKING);
  const [state, setState] = useState<ComposePaneState>(() => firstState(ports.firstReading, loaded.settings));
  const [settingsOpened, setSettingsOpened] = useState(false);

  // Async work reads the latest values through refs, so a result never lands on a newer item.
  const settingsRef = useRef(settings);
  const numberingRef = useRef(numbering);
  numberingRef.current = numbering;
  const itemRef = useRef<ComposeItemPort | null>(ports.firstReading?.item ?? null);
  /** Bumped when the selected item changes: results for an older item are dropped. */
  const generation = useRef(0);
  /** Set synchronously on click, so a double-click cannot start a second stamp before re-render. */
  const inFlight = useRef(false);
  /** The RecipientsChanged subscription of the draft shown, and which draft it is for. */
  const recipientsWatch = useRef<{ item: ComposeItemPort; off: (() => void) | undefined } | null>(null);
  const recheckMs = ports.subjectRecheckMs ?? SUBJECT_RECHECK_MS;

  /**
   * The draft as it stands now, without a spinner: the activity follows it (clients without a send
   * handler, docs/AUTO-STAMP.md) and the pane shows the subject as typed. A result message stays
   * unless the subject now contradicts it (its token taken out by hand, or put back).
   */
  const refreshDraft = useCallback(async () => {
    const item = itemRef.current;
    const stamper = numberingRef.current?.stamper;
    // Until the numbering is open there is nothing to follow; it reads the draft again as it opens.
    if (item === null || inFlight.current || stamper === undefined) return;
    const gen = generation.current;
    const settingsNow = settingsRef.current;
    await stamper.follow(item, settingsNow);
    let subject: string;
    let draftToken: string | undefined;
    let conflict: string | undefined;
    try {
      [subject, draftToken, conflict] = await Promise.all([item.getSubject(), stamper.tokenForDraft(item.draftKey), stamper.draftConflict(item.draftKey)]);
    } catch {
      return; // the last reading stays; the next re-read tries again
    }
    if (gen !== generation.current || inFlight.current) return;
    setState((current) => {
      if (current.status !== "draft" && current.status !== "cannot-set-subject") return current;
      if (current.status === "draft" && current.conflict !== conflict) {
        const { conflict: _shown, ...rest } = current;
        return { ...rest, ...conflictOf(conflict), subject: readSubject(subject, settingsNow, draftToken) };
      }
      if (current.subject.text === subject) return current;
      const reading = readSubject(subject, settingsNow, draftToken);
      if (current.status === "cannot-set-subject") return { ...current, subject: reading };
      const contradicted = (current.subject.draftToken === null) !== (reading.draftToken === null);
      return { ...current, subject: reading, action: contradicted ? { status: "idle" } : current.action };
    });
  }, []);

  const refreshRef = useRef(refreshDraft);
  refreshRef.current = refreshDraft;

  /** RecipientsChanged (Mailbox 1.7) for the draft shown; where the client has none, show and focus re-read instead. */
  const watchRecipients = useCallback((item: ComposeItemPort) => {
    if (recipientsWatch.current?.item === item) return;
    recipientsWatch.current?.off?.();
    const watch: { item: ComposeItemPort; off: (() => void) | undefined } = { item, off: undefined };
    recipientsWatch.current = watch;
    item.onRecipientsChanged(() => void refreshRef.current()).then(
      (off) => {
        if (recipientsWatch.current === watch) watch.off = off;
        else off();
      },
      () => undefined,
    );
  }, []);

  const show = useCallback(
    async (action: ActionState) => {
      const gen = generation.current;
      const item = mailbox.currentItem();
      if (item === null) {
        itemRef.current = null;
        setState({ status: "no-item" });
        return;
      }
      if (item.mode === "read") {
        itemRef.current = null;
        setState({ status: "read-item" });
        return;
      }
      itemRef.current = item;
      watchRecipients(item);
      try {
        const stamper = numberingRef.current?.stamper;
        const [subject, known, knownConflict] = await Promise.all([item.getSubject(), stamper?.tokenForDraft(item.draftKey), stamper?.draftConflict(item.draftKey)]);
        let [draftToken, conflict] = [known, knownConflict];
        // Without a token of ours in the subject the draft reads the same whatever the log says (a
        // conflict, if any, shows when the numbering opens). With one, only the log tells whether it
        // is this draft's own (Remove) or a quoted one (Add): wait for it.
        if (stamper === undefined && readSubject(subject, settingsRef.current, undefined).ours.length > 0) {
          const opened = (await ready).stamper;
          [draftToken, conflict] = await Promise.all([opened.tokenForDraft(item.draftKey), opened.draftConflict(item.draftKey)]);
        }
        if (gen !== generation.current) return;
        const reading = readSubject(subject, settingsRef.current, draftToken);
        setState(item.canSetSubject ? { status: "draft", subject: reading, action, ...conflictOf(conflict) } : { status: "cannot-set-subject", subject: reading });
      } catch (error) {
        if (gen !== generation.current) return;
        setState({ status: "subject-unreadable", reason: messageOf(error) });
      }
    },
    [mailbox, ready, watchRecipients],
  );

  const setAction = useCallback((action: ActionState) => {
    setState((current) => (current.status === "draft" ? { ...current, action } : current));
  }, []);

  // Open, and follow ItemChanged (pinned pane).
  const followItem = useCallback(
    (cause: ItemCause) => {
      if (cause === "changed") {
        generation.current += 1;
        inFlight.current = false;
        setState({ status: "loading" });
      }
      void show({ status: "idle" });
    },
    [show],
  );
  useSelectedItem(mailbox, followItem);
  // What is still being read for the old ports is dropped.
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [mailbox, show],
  );

  // The numbering opened after the draft was shown: read the draft again with it (its conflict, if any).
  useEffect(() => {
    if (numbering !== null) void refreshRef.current();
  }, [numbering]);

  // Bounded local history: drop what the log no longer needs once per pane (core's mayPrune), in the background.
  const activityLogPort = numbering?.activityLog ?? null;
  useEffect(() => {
    activityLogPort?.prune(pruneCutoffs(Date.now(), settingsRef.current.activeDays)).catch(() => undefined);
  }, [activityLogPort]);

  // Follow the subject: on an interval while visible, and at once when shown or focused again.
  useEffect(() => {
    const visible = () => typeof document === "undefined" || document.visibilityState !== "hidden";
    const recheck = () => {
      if (visible()) void refreshRef.current();
    };
    const timer = setInterval(recheck, recheckMs);
    window.addEventListener("focus", recheck);
    document.addEventListener("visibilitychange", recheck);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", recheck);
      document.removeEventListener("visibilitychange", recheck);
      recipientsWatch.current?.off?.();
      recipientsWatch.current = null;
    };
  }, [recheckMs]);

  const monitor = numbering?.monitor;
  useEffect(() => {
    if (monitor === undefined) return;
    const off = monitor.subscribe(setConnectivity);
    setConnectivity(monitor.current()); // a change between the first render and subscribing
    return off;
  }, [monitor]);

  const readiness = stampReadiness(settings, connectivity);

  /**
   * One click's work on the draft shown: one at a time, shown as `busy` while it runs, and its
   * result dropped if the user moved to another item meanwhile. `work` never rejects.
   */
  const runOnDraft = useCallback(
    async (busy: ActionState, work: (item: ComposeItemPort, settings: Settings) => Promise<ActionState>) => {
      const item = itemRef.current;
      if (item === null || inFlight.current) return;
      inFlight.current = true;
      const gen = generation.current;
      setAction(busy);
      const action = await work(item, settingsRef.current);
      if (gen !== generation.current) return;
      inFlight.current = false;
      await show(action);
    },
    [setAction, show],
  );

  /** `fresh`: the draft's token is held by another activity, so it gets a new number (Stamper.restamp). */
  const runStamp = useCallback(
    (fresh = false) =>
      runOnDraft({ status: "stamping" }, async (item, settings) => {
        let outcome: StampOutcome;
        try {
          // A click before the numbering is open waits for it, then stamps.
          const { stamper } = await ready;
          outcome = await (fresh ? stamper.restamp(item, settings) : stamper.stamp(item, settings));
        } catch (error) {
          outcome = { status: "failed", reason: messageOf(error) };
        }
        return actionAfterStamp(outcome);
      }),
    [ready, runOnDraft],
  );

  const runUnstamp = useCallback(
    () =>
      runOnDraft({ status: "removing" }, async (item, settings) => {
        try {
          const { stamper } = await ready;
          const outcome = await stamper.unstamp(item, settings);
          return outcome.status === "removed" ? { status: "removed" } : { status: "failed", action: "unstamp", reason: outcome.reason };
        } catch (error) {
          return { status: "failed", action: "unstamp", reason: messageOf(error) };
        }
      }),
    [ready, runOnDraft],
  );

  const retry = useCallback(() => {
    if (state.status === "draft" && state.action.status === "failed") {
      void (state.action.action === "stamp" ? runStamp() : runUnstamp());
      return;
    }
    setState({ status: "loading" });
    void show({ status: "idle" });
  }, [state, runStamp, runUnstamp, show]);

  /** The settings now in force: saved here, by another pane, or adopted from the tracking service. */
  const settingsChanged = useCallback(() => {
    const next = loadSettings(ports.settings);
    const before = settingsRef.current;
    settingsRef.current = next.settings;
    setSettings(next.settings);
    setSettingsProblems(next.problems);
    setManagedBy(next.managedBy);
    // A new prefix or digit width changes what counts as ours: read the subject again (not mid-stamp).
    if (!inFlight.current && JSON.stringify(before) !== JSON.stringify(next.settings)) void show({ status: "idle" });
  }, [ports.settings, show]);

  useEffect(() => ports.settings.subscribe(settingsChanged), [ports.settings, settingsChanged]);

  return {
    state,
    connectivity,
    settings,
    managedBy,
    settingsProblems,
    readiness,
    settingsPanel: readiness.status === "needs-user-number" ? { status: "first-run" } : settingsOpened ? { status: "open" } : { status: "closed" },
    addToken: () => {
      if (readiness.status === "ready") void runStamp();
    },
    restampToken: () => {
      if (readiness.status === "ready") void runStamp(true);
    },
    removeToken: () => void runUnstamp(),
    retry,
    activityLog: activityLogPort,
    recheckConnectivity: () => monitor?.recheck(),
    openSettings: () => setSettingsOpened(true),
    closeSettings: () => setSettingsOpened(false),
    settingsSaved: () => {
      settingsChanged();
      // A new prefix or digit width changes what counts as ours: read the subject again.
      void show({ status: "idle" });
    },
  };
}
