/**
 * The playground's "Add-in server unreachable" switch: the server that serves the panes
 * (scripts/serve.mjs) stops answering for the add-in's files, so a pane that opens must come from
 * its service worker's copy (docs/OFFLINE.md). Only that server has the switch.
 */
import { useEffect, useState } from "react";

/** scripts/serve.mjs's ADDIN_SERVER_PATH. */
const SWITCH_PATH = "/playground/addin-server";

export type AddinServerState =
  | { readonly status: "loading" }
  /** The page is served by something else (webpack-dev-server): the switch cannot work. */
  | { readonly status: "unavailable" }
  | { readonly status: "ready"; readonly reachable: boolean };

async function readReachable(response: Response): Promise<boolean | undefined> {
  if (!response.ok) return undefined;
  const body = (await response.json().catch(() => undefined)) as { reachable?: unknown } | undefined;
  return typeof body?.reachable === "boolean" ? body.reachable : undefined;
}

const pageFetch: typeof globalThis.fetch = (input, init) => window.fetch(input, init);

export function useAddinServer(fetch: typeof globalThis.fetch = pageFetch) {
  const [state, setState] = useState<AddinServerState>({ status: "loading" });
  useEffect(() => {
    let current = true;
    fetch(SWITCH_PATH, { cache: "no-store" })
      .then(readReachable)
      .catch(() => undefined)
      .then((reachable) => {
        if (current) setState(reachable === undefined ? { status: "unavailable" } : { status: "ready", reachable });
      });
    return () => {
      current = false;
    };
  }, [fetch]);
  const setReachable = async (reachable: boolean) => {
    const response = await fetch(SWITCH_PATH, { method: "PUT", cache: "no-store", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ reachable }) }).catch(() => undefined);
    const answer = response ? await readReachable(response) : undefined;
    setState(answer === undefined ? { status: "unavailable" } : { status: "ready", reachable: answer });
  };
  return { state, setReachable };
}
