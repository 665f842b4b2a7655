/** Which mode the next token will use (docs/DESIGN.md §3), shown before the user clicks and updated live. */
import { Button } from "@fluentui/react-components";
import { Caption1 } from "../shared/Typography";
import type { CSSProperties } from "react";
import type { Connectivity } from "../../authority/ports";
import { StatusBadge } from "../shared/StatusBadge";
import type { StatusBadgeKind } from "../shared/StatusBadge";
import { tokenVar } from "../shared/tokenVar";
import { useMessages } from "../shared/language";
import type { Messages } from "../../languages/messages";

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

export function pendingText(m: Messages, pending: number): string | null {
  if (pending <= 0) return null;
  return m.count("mode.pending", pending);
}

function describe(m: Messages, connectivity: Connectivity): { badge: string; kind: StatusBadgeKind; detail: string } {
  switch (connectivity.status) {
    case "checking":
      return { badge: m.text("mode.checking"), kind: "informative", detail: m.text("mode.checkingDetail") };
    case "online":
      return {
        badge: m.text("mode.online"),
        kind: "success",
        detail: connectivity.authority === "service" ? m.text("mode.onlineService") : m.text("mode.onlineMailbox"),
      };
    case "offline":
      return {
        badge: m.text("mode.offline"),
        kind: "warning",
        detail: connectivity.localCounter.available
          ? m.text("mode.offlineDevice", { reason: connectivity.reason })
          : m.text("mode.offlineUnavailable", { reason: connectivity.reason, detail: connectivity.localCounter.reason }),
      };
  }
}

export function ModeStatus({ connectivity, onRecheck }: ModeStatusProps) {
  const m = useMessages();
  const { badge, kind, detail } = describe(m, connectivity);
  const pending = pendingText(m, connectivity.pending);
  return (
    <div style={styles.root}>
      {/* A live region, so a switch between online and offline is announced. */}
      <div role="status" aria-label={m.text("mode.label")} style={styles.root}>
        <div style={styles.line}>
          <StatusBadge kind={kind}>{badge}</StatusBadge>
          <Caption1>{detail}</Caption1>
        </div>
        {pending !== null && <Caption1>{pending}</Caption1>}
        {connectivity.syncProblem !== undefined && <Caption1>{m.text("mode.notRecorded", { reason: connectivity.syncProblem })}</Caption1>}
      </div>
      {connectivity.status === "offline" && (
        <div>
          <Button size="small" onClick={onRecheck}>
            {m.text("mode.recheck")}
          </Button>
        </div>
      )}
    </div>
  );
}
