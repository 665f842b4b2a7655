/**
 * What the playground simulates around the mailbox: the network ("Work offline"), the host's
 * behaviour switches (requirement sets, sign-in, latency, the subject limit), the clock, and which
 * way the host last handed the panes a token.
 */
import { createListeners } from "./listeners";
import { DEFAULT_HOST_OPTIONS, type HostOptions, type HostSignInPath } from "./types";

export type SimulatorState = {
  readonly offline: boolean;
  readonly options: HostOptions;
  /** How the panes last got a token for the tracking service; null before any. */
  readonly signInPath: HostSignInPath | null;
};

export type SimulatorChange = { readonly kind: "updated" } | { readonly kind: "connectivity"; readonly offline: boolean };

export interface Simulator {
  /** The clock, for the time a message is sent. */
  readonly now: () => Date;
  getState(): SimulatorState;
  /** "Work offline": the mailbox cannot be reached, as on a lost network. */
  setOffline(offline: boolean): void;
  setOptions(patch: Partial<HostOptions>): void;
  recordSignIn(path: HostSignInPath): void;
  subscribe(listener: (change: SimulatorChange) => void): () => void;
}

export function createSimulator(now: () => Date = () => new Date()): Simulator {
  let state: SimulatorState = { offline: false, options: DEFAULT_HOST_OPTIONS, signInPath: null };
  const listeners = createListeners<SimulatorChange>();
  const update = (patch: Partial<SimulatorState>): void => {
    state = { ...state, ...patch };
    listeners.notify({ kind: "updated" });
  };
  return {
    now,
    getState: () => state,
    setOffline(offline) {
      if (offline === state.offline) return;
      update({ offline });
      listeners.notify({ kind: "connectivity", offline });
    },
    setOptions: (patch) => update({ options: { ...state.options, ...patch } }),
    recordSignIn(path) {
      if (path !== state.signInPath) update({ signInPath: path });
    },
    subscribe: listeners.add,
  };
}
