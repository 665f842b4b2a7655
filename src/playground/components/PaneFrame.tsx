import { Badge, Caption1, Label, makeStyles, Select, tokens, useId } from "@fluentui/react-components";
import { DISPLAY_LANGUAGES } from "../model/types";
import type { Surface } from "../model/paneHost";
import { frameName, paneSource } from "../outlookHost/officeLibrary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    // The pane column is narrow (about 340 px): the language picker and the badge wrap, never overlap.
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  language: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  frame: { flexGrow: 1, border: "none", width: "100%", backgroundColor: tokens.colorNeutralBackground1 },
});

export type PaneFrameProps = {
  surface: Surface;
  /** Hidden panes keep running (a pinned pane outlives the compose form). @default false */
  hidden?: boolean;
  /** Outlook's display language, which Outlook on the web puts in the pane's URL; a new one reloads the pane, as Outlook does. */
  displayLanguage: string;
  /** Switches Outlook's display language (the simulator's host option). */
  onDisplayLanguage?: (displayLanguage: string) => void;
};

/** A task pane: the real pane page on Microsoft's office.js, its host played by this page (outlookHost/). */
export function PaneFrame({ surface, hidden = false, displayLanguage, onDisplayLanguage }: PaneFrameProps) {
  const styles = useStyles();
  const languageId = useId("display-language");
  return (
    <aside className={styles.root} style={hidden ? { display: "none" } : undefined} aria-label={`Tracking Tokens ${surface} pane`}>
      <div className={styles.header}>
        <Caption1>Add-in task pane</Caption1>
        {onDisplayLanguage !== undefined && (
          // Outlook's UI language, as Office.context.displayLanguage answers it: the pane reloads in it (docs/DESIGN.md §9).
          <div className={styles.language}>
            <Label htmlFor={languageId} size="small">
              Language
            </Label>
            <Select id={languageId} size="small" value={displayLanguage} onChange={(_, data) => onDisplayLanguage(data.value)}>
              {DISPLAY_LANGUAGES.map(({ tag, name }) => (
                <option key={tag} value={tag}>
                  {name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <Badge appearance="tint" color={surface === "read" ? "brand" : "informative"}>
          {surface === "read" ? "Pinned" : "Compose"}
        </Badge>
      </div>
      <iframe className={styles.frame} title={`Tracking Tokens ${surface} pane`} src={paneSource(surface, window.location, displayLanguage)} name={frameName(surface)} data-surface={surface} />
    </aside>
  );
}
