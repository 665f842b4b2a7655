/**
 * Fluent's Spinner (with the Label it renders, about 2.5 KB gzipped) as a chunk of its own: no pane's
 * first render spins, so the panes' first script does without it (docs/BENCHMARKS.md, initial
 * JavaScript). PaneShell fetches the chunk once the pane is up; until it is there the label shows
 * alone, which names the same state.
 */
import { Suspense, lazy } from "react";
import type { SpinnerProps } from "@fluentui/react-components";

const loadSpinner = () => import(/* webpackChunkName: "spinner" */ /* webpackExports: ["Spinner"] */ "@fluentui/react-components");

const FluentSpinner = lazy(() =>
  loadSpinner().then(
    (module) => ({ default: module.Spinner }),
    // Offline with the chunk missing: the label still says what is going on.
    () => ({ default: (props: SpinnerProps) => <SpinnerLabel label={typeof props.label === "string" ? props.label : ""} /> }),
  ),
);

/** Starts fetching the chunk; for an effect once the pane has rendered. */
export function preloadSpinner(): void {
  loadSpinner().catch(() => undefined);
}

/** Fluent's Spinner; its label alone until the chunk is there. */
export function LazySpinner({ label, ...props }: Omit<SpinnerProps, "label"> & { label?: string }) {
  return (
    <Suspense fallback={<SpinnerLabel label={label ?? ""} />}>
      <FluentSpinner {...props} {...(label === undefined ? {} : { label })} />
    </Suspense>
  );
}

function SpinnerLabel({ label }: { label: string }) {
  return <span role="status">{label}</span>;
}
