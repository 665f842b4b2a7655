/**
 * The compose pane's messages (Fluent MessageBars), loaded as a chunk of their own: none is needed
 * to show a draft and its Add button, and MessageBar with its icons is about 5 KB gzipped. The pane
 * fetches the chunk once it is up (preloadNotices), so a message after a click does not wait for it.
 */
import { Suspense, lazy } from "react";
import type { ComposeNotice } from "./composeNotice";
import { useMessages } from "../shared/language";

export type { ComposeNotice } from "./composeNotice";

const loadNotices = () => import(/* webpackChunkName: "notices" */ "./ComposeNotices");

const LazyNotice = lazy(() =>
  loadNotices().then(
    (module) => ({ default: module.ComposeNoticeView }),
    // Without MessageBar, but still said: a chunk that cannot load must not take the pane down with it.
    (error: unknown) => ({ default: () => <ChunkFailed error={error} /> }),
  ),
);

function ChunkFailed({ error }: { error: unknown }) {
  const m = useMessages();
  return <p role="alert">{m.text("chunk.failed", { reason: error instanceof Error ? error.message : String(error) })}</p>;
}

/** Starts fetching the messages' chunk; for an effect once the pane has rendered. */
export function preloadNotices(): void {
  // A failure here shows later, where a message is rendered (LazyNotice).
  loadNotices().catch(() => undefined);
}

/** One message; renders nothing until its chunk is there (usually already, see preloadNotices). */
export function Notice({ of: notice }: { of: ComposeNotice }) {
  return (
    <Suspense fallback={null}>
      <LazyNotice notice={notice} />
    </Suspense>
  );
}
