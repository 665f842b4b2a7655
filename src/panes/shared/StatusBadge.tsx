/**
 * A small status pill, as Fluent's Badge draws one (medium, circular), for the few kinds the panes
 * show. Not Badge itself: its styles cover every size, shape, colour and appearance, about 3 KB
 * gzipped of each pane's initial bundle for four combinations. Renders only.
 */
import type { CSSProperties, ReactNode } from "react";
import { tokenVar } from "./tokenVar";
import type { TokenName } from "./tokenVar";

export type StatusBadgeKind = "success" | "warning" | "informative";

export type StatusBadgeProps = {
  /** What the status means; sets the colours. */
  kind: StatusBadgeKind;
  /** Filled (strong, e.g. the token mode) or tint (soft, e.g. how a token was found). @default "filled" */
  appearance?: "filled" | "tint";
  children: ReactNode;
};

type Colours = { background: TokenName; foreground: TokenName; border: TokenName };

/** Fluent Badge's colours for these kinds (useBadgeStyles), so the pill matches Fluent's in every theme. */
const COLOURS: Record<"filled" | "tint", Record<StatusBadgeKind, Colours>> = {
  filled: {
    success: { background: "colorPaletteGreenBackground3", foreground: "colorNeutralForegroundOnBrand", border: "colorTransparentStroke" },
    warning: { background: "colorPaletteYellowBackground3", foreground: "colorNeutralForeground1Static", border: "colorTransparentStroke" },
    informative: { background: "colorNeutralBackground5", foreground: "colorNeutralForeground3", border: "colorTransparentStroke" },
  },
  tint: {
    success: { background: "colorPaletteGreenBackground1", foreground: "colorPaletteGreenForeground1", border: "colorPaletteGreenBorder1" },
    warning: { background: "colorPaletteYellowBackground1", foreground: "colorPaletteYellowForeground2", border: "colorPaletteYellowBorder1" },
    informative: { background: "colorNeutralBackground4", foreground: "colorNeutralForeground3", border: "colorNeutralStroke2" },
  },
};

const base: CSSProperties = {
  display: "inline-flex",
  alignItems: "center",
  justifyContent: "center",
  boxSizing: "border-box",
  height: 20,
  minWidth: 20,
  padding: `0 calc(${tokenVar("spacingHorizontalXS")} + ${tokenVar("spacingHorizontalXXS")})`,
  borderRadius: tokenVar("borderRadiusCircular"),
  fontFamily: tokenVar("fontFamilyBase"),
  fontSize: tokenVar("fontSizeBase200"),
  fontWeight: tokenVar("fontWeightSemibold"),
  lineHeight: tokenVar("lineHeightBase200"),
};

export function StatusBadge({ kind, appearance = "filled", children }: StatusBadgeProps) {
  const { background, foreground, border } = COLOURS[appearance][kind];
  // A border even when transparent: forced-colors (high contrast) mode draws it, so the pill keeps its outline.
  const style: CSSProperties = {
    ...base,
    backgroundColor: tokenVar(background),
    color: tokenVar(foreground),
    border: `${tokenVar("strokeWidthThin")} solid ${tokenVar(border)}`,
  };
  return <span style={style}>{children}</span>;
}
