/** Which mode the next token will use (SPEC §3), shown before the user clicks and updated live. */
import { Badge, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Connectivity } from "../../authority/ports";

export type ModeStatusProps = {
  connectivity: Connectivity;
  /** Checks the authority now. */
  onRecheck: () => void;
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  line: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export function pendingText(pending: number): string | null {
  if (pending <= 0) return null;
  return pending === 1 ? "1 offline activity waiting to sync" : `${pending} offline activities waiting to sync`;
}

function describe(connectivity: Connectivity): { badge: string; color: "success" | "warning" | "informative"; detail: string } {
  switch (connectivity.status) {
    case "checking":
      return { badge: "Checking…", color: "informative", detail: "Checking whether the token authority answers." };
    case "online":
      return {
        badge: "Online",
        color: "success",
        detail: connectivity.authority === "service" ? "Numbers come from the tracking service." : "Numbers come from your mailbox.",
      };
    case "offline":
      return {
        badge: "Offline",
        color: "warning",
        detail: connectivity.localCounter.available
          ? `${connectivity.reason} Tokens use this device's offline numbering.`
          : `${connectivity.reason} Offline numbering is unavailable: ${connectivity.localCounter.reason}`,
      };
  }
}

export function ModeStatus({ connectivity, onRecheck }: ModeStatusProps) {
  const styles = useStyles();
  const { badge, color, detail } = describe(connectivity);
  const pending = pendingText(connectivity.pending);
  return (
    <div className={styles.root}>
      {/* A live region, so a switch between online and offline is announced. */}
      <div role="status" aria-label="Token mode" className={styles.root}>
        <div className={styles.line}>
          <Badge appearance="filled" color={color}>
            {badge}
          </Badge>
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
