import { useEffect, useSyncExternalStore } from "react";
import type { OfflineCopy } from "./offlineCopy";
import { tokenVar } from "./tokenVar";
import { useMessages } from "./language";

const style = {
  margin: `0 0 ${tokenVar("spacingVerticalM")}`,
  padding: `${tokenVar("spacingVerticalXS")} ${tokenVar("spacingHorizontalS")}`,
  borderRadius: tokenVar("borderRadiusMedium"),
  backgroundColor: tokenVar("colorNeutralBackground3"),
  color: tokenVar("colorNeutralForeground2"),
  fontSize: tokenVar("fontSizeBase200"),
  lineHeight: tokenVar("lineHeightBase200"),
};

/** Registers the service worker once the pane has rendered, and follows where the page came from. */
export function useOfflineCopy(copy: OfflineCopy) {
  useEffect(() => copy.start(), [copy]);
  return useSyncExternalStore(copy.subscribe, copy.status);
}

/**
 * A line above the pane while it runs from the copy on this device. Plain text, not a MessageBar:
 * it is in every pane's first render and MessageBar costs about 5 KB (compose/Notice.tsx).
 */
export function OfflineCopyNotice({ copy }: { copy: OfflineCopy }) {
  const status = useOfflineCopy(copy);
  const m = useMessages();
  if (status !== "offline-copy") return null;
  return (
    <p role="status" aria-label={m.text("offlineCopy.label")} style={style}>
      <strong>{m.text("offlineCopy.title")}</strong> {m.text("offlineCopy.text")}
    </p>
  );
}
