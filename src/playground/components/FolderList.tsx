import { Button, CounterBadge, makeStyles, tokens } from "@fluentui/react-components";
import type { FolderId } from "../model/types";

const FOLDERS: readonly { id: FolderId; label: string }[] = [
  { id: "inbox", label: "Inbox" },
  { id: "sent", label: "Sent" },
];

const useStyles = makeStyles({
  nav: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalS },
  folder: { justifyContent: "space-between", width: "100%" },
});

export type FolderListProps = {
  folder: FolderId;
  counts: Readonly<Record<FolderId, number>>;
  onSelect: (folder: FolderId) => void;
};

export function FolderList({ folder, counts, onSelect }: FolderListProps) {
  const styles = useStyles();
  return (
    <nav aria-label="Folders" className={styles.nav}>
      {FOLDERS.map(({ id, label }) => (
        <Button
          key={id}
          className={styles.folder}
          appearance={id === folder ? "secondary" : "subtle"}
          aria-current={id === folder ? "page" : undefined}
          onClick={() => onSelect(id)}
        >
          {label}
          <CounterBadge count={counts[id]} appearance="ghost" color="informative" aria-hidden />
        </Button>
      ))}
    </nav>
  );
}
