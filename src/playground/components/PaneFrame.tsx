import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Surface } from "../model/paneHost";
import { frameName, paneSource } from "../outlookHost/officeLibrary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  frame: { flexGrow: 1, border: "none", width: "100%", backgroundColor: tokens.colorNeutralBackground1 },
});

export type PaneFrameProps = {
  surface: Surface;
  /** Hidden panes keep running (a pinned pane outlives the compose form). @default false */
  hidden?: boolean;
  /** Outlook's display language, which Outlook on the web puts in the pane's URL. */
  displayLanguage: string;
};

/** A task pane: the real pane page on Microsoft's office.js, its host played by this page (outlookHost/). */
export function PaneFrame({ surface, hidden = false, displayLanguage }: PaneFrameProps) {
  const styles = useStyles();
  return (
    <aside className={styles.root} style={hidden ? { display: "none" } : undefined} aria-label={`Tracking Tokens ${surface} pane`}>
      <div className={styles.header}>
        <Caption1>Add-in task pane</Caption1>
        <Badge appearance="tint" color={surface === "read" ? "brand" : "informative"}>
          {surface === "read" ? "Pinned" : "Compose"}
        </Badge>
      </div>
      <iframe className={styles.frame} title={`Tracking Tokens ${surface} pane`} src={paneSource(surface, window.location, displayLanguage)} name={frameName(surface)} data-surface={surface} />
    </aside>
  );
}
