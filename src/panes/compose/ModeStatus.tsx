/** Which mode the next token will use (docs/DESIGN.md §3), shown before the user clicks and updated live. */
import { Button, Caption1 } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import type { Connectivity } from "../../authority/ports";
import { StatusBadge } from "../shared/StatusBadge";
import type { StatusBadgeKind } from "../shared/StatusBadge";
import { tokenVar } from "../shared/tokenVar";

export type ModeStatusProps = {
  connectivity: Connectivity;
  /** Checks the authority now. */
  onRecheck: () => void;
};

// Fluent's tokens in inline styles, not makeStyles: why in PaneShell.tsx.
const styles = {
  root: { display: "flex", flexDirection: "column", rowGap: tokenVar("spacingVerticalXS") },
  line: { display: "flex", alignItems: "center", columnGap: tokenVar("spacingHorizontalS"), flexWrap: "wrap" },
} satisfies Record<string, CSSProperties>;

export function pendingText(pending: number): string | null {
  if (pending <= 0) return null;
  return pending === 1 ? "1 offline activity waiting to sync" : `${pending} offline activities waiting to sync`;
}

function describe(connectivity: Connectivity): { badge: string; kind: StatusBadgeKind; detail: string } {
  switch (connectivity.status) {
    case "checking":
      return { badge: "Checking…", kind: "informative", detail: "Checking whether the token authority answers." };
    case "online":
      return {
        badge: "Online",
        kind: "success",
        detail: connectivity.authority === "service" ? "Numbers come from the tracking service." : "Numbers come from your mailbox.",
      };
    case "offline":
      return {
        badge: "Offline",
        kind: "warning",
        detail: connectivity.localCounter.available
          ? `${connectivity.reason} Tokens use this device's offline numbering.`
          : `${connectivity.reason} Offline numbering is unavailable: ${connectivity.localCounter.reason}`,
      };
  }
}

export function ModeStatus({ connectivity, onRecheck }: ModeStatusProps) {
  const { badge, kind, detail } = describe(connectivity);
  const pending = pendingText(connectivity.pending);
  return (
    <div style={styles.root}>
      {/* A live region, so a switch between online and offline is announced. */}
      <div role="status" aria-label="Token mode" style={styles.root}>
        <div style={styles.line}>
          <StatusBadge kind={kind}>{badge}</StatusBadge>
          <Caption1>{detail}</Caption1>
        </div>
        {pending !== null && <Caption1>{pending}</Caption1>}
        {connectivity.syncProblem !== undefined && <Caption1>Not recorded: {connectivity.syncProblem}</Caption1>}
      </div>
      {connectivity.status === "offline" && (
        <div>
          <Button size="small" onClick={onRecheck}>
            Check connection
          </Button>
        </div>
      )}
    </div>
  );
}
