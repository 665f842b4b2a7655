/** The state and behaviour of "Clear history" (ClearHistory.tsx renders it): ask, then clear the local activity log or keep it. */
import { useCallback, useState } from "react";
import type { ActivityLog } from "../../storage/ports";

export type ClearState =
  | { readonly status: "idle" }
  | { readonly status: "confirming" }
  | { readonly status: "clearing" }
  | { readonly status: "cleared" }
  | { readonly status: "failed"; readonly reason: string };

export type ClearHistoryModel = {
  readonly state: ClearState;
  /** The question is showing (also while clearing, so its buttons stay where they were). */
  readonly asking: boolean;
  ask(): void;
  keep(): void;
  clear(): Promise<void>;
};

export function useClearHistory(activityLog: ActivityLog): ClearHistoryModel {
  const [state, setState] = useState<ClearState>({ status: "idle" });
  const clear = useCallback(async () => {
    setState({ status: "clearing" });
    try {
      await activityLog.clear();
      setState({ status: "cleared" });
    } catch (error) {
      setState({ status: "failed", reason: error instanceof Error ? error.message : String(error) });
    }
  }, [activityLog]);
  return {
    state,
    asking: state.status === "confirming" || state.status === "clearing",
    ask: () => setState({ status: "confirming" }),
    keep: () => setState({ status: "idle" }),
    clear,
  };
}
