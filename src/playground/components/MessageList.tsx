import { Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import type { FolderId, MailMessage } from "../model/types";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, overflowY: "auto", height: "100%" },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, borderLeftColor: tokens.colorBrandStroke1 },
  top: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  subject: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", color: tokens.colorBrandForeground1 },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
});

const shortDate = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "2-digit", month: "short" });

export type MessageListProps = {
  folder: FolderId;
  messages: readonly MailMessage[];
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** A listbox of messages: click or arrow keys select, as in Outlook's message list. */
export function MessageList({ folder, messages, selectedId, onSelect }: MessageListProps) {
  const styles = useStyles();
  if (messages.length === 0) return <Text className={styles.empty}>No messages.</Text>;
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const index = messages.findIndex((m) => m.id === selectedId);
    const next = messages[Math.min(messages.length - 1, Math.max(0, index + (event.key === "ArrowDown" ? 1 : -1)))];
    if (next) {
      onSelect(next.id);
      event.currentTarget.querySelector<HTMLElement>(`[data-message-id="${next.id}"]`)?.focus();
    }
  };
  return (
    <ul role="listbox" aria-label={folder === "inbox" ? "Inbox messages" : "Sent messages"} className={styles.list} onKeyDown={onKeyDown}>
      {messages.map((message) => {
        const isSelected = message.id === selectedId;
        const who = folder === "sent" ? `To: ${message.to.map((a) => a.displayName).join(", ")}` : message.from.displayName;
        return (
          <li
            key={message.id}
            role="option"
            aria-selected={isSelected}
            data-message-id={message.id}
            tabIndex={isSelected || (selectedId === null && message === messages[0]) ? 0 : -1}
            className={mergeClasses(styles.row, isSelected && styles.selected)}
            onClick={() => onSelect(message.id)}
          >
            <span className={styles.top}>
              <Text weight="semibold" truncate wrap={false}>
                {who}
              </Text>
              <Caption1>{shortDate(message.sentAt)}</Caption1>
            </span>
            <Text size={200} className={styles.subject}>
              {message.subject}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
