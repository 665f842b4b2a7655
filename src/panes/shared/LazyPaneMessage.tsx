/**
 * PaneMessage (Fluent's MessageBar with its icons, about 3 KB gzipped) as a chunk of its own: the read
 * pane's first render shows a message's tokens, and its messages are for rarer states. The chunk is
 * fetched once the pane is up (preloadPaneMessage), so a message rarely waits for it.
 */
import { Suspense, lazy } from "react";
import { useMessages } from "./language";
import type { PaneMessageProps } from "./PaneMessage";

const loadPaneMessage = () => import(/* webpackChunkName: "pane-message" */ "./PaneMessage");

const LazyMessage = lazy(() =>
  loadPaneMessage().then(
    (module) => ({ default: module.PaneMessage }),
    (error: unknown) => ({ default: (props: PaneMessageProps) => <ChunkUnavailable error={error} title={props.title} /> }),
  ),
);

/** Starts fetching the chunk; for an effect once the pane has rendered. A failure shows where a message is rendered. */
export function preloadPaneMessage(): void {
  loadPaneMessage().catch(() => undefined);
}

/** A PaneMessage; renders nothing until its chunk is there. */
export function LazyPaneMessage(props: PaneMessageProps) {
  return (
    <Suspense fallback={null}>
      <LazyMessage {...props} />
    </Suspense>
  );
}

/** Said without Fluent when a chunk of the pane cannot load: that must not take the pane down with it. */
export function ChunkUnavailable({ error, title }: { error: unknown; title?: PaneMessageProps["title"] }) {
  const m = useMessages();
  return (
    <p role="alert">
      {title !== undefined && <>{title} </>}
      {m.text("chunk.failed", { reason: error instanceof Error ? error.message : String(error) })}
    </p>
  );
}
