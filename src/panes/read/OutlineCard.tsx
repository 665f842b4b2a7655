/**
 * An outlined card: what Fluent's Card (appearance "outline") draws, without Card itself. Card
 * brings tabster, a keyboard-navigation library, for interactive and selectable cards; these cards
 * are neither, so it was a sixth of the read pane's bundle for nothing. Renders only.
 */
import type { CSSProperties, ReactNode } from "react";
import { tokenVar } from "../shared/tokenVar";

export type OutlineCardProps = {
  /** The id of the card's heading, which names the group. */
  labelledBy: string;
  children: ReactNode;
};

const style: CSSProperties = {
  display: "flex",
  flexDirection: "column",
  gap: tokenVar("spacingVerticalM"),
  padding: tokenVar("spacingHorizontalM"),
  border: `${tokenVar("strokeWidthThin")} solid ${tokenVar("colorNeutralStroke1")}`,
  borderRadius: tokenVar("borderRadiusMedium"),
  boxSizing: "border-box",
  color: tokenVar("colorNeutralForeground1"),
};

/** A named group, as Card was: a screen reader announces the card's heading on entering it. */
export function OutlineCard({ labelledBy, children }: OutlineCardProps) {
  return (
    <div role="group" aria-labelledby={labelledBy} style={style}>
      {children}
    </div>
  );
}
