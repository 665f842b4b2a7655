/**
 * The text presets the panes use (Title3, Subtitle1, Subtitle2, Body1, Caption1), as Fluent's
 * draw them: the same element (`span` unless `as` says otherwise) with the same type ramp, as
 * inline styles with Fluent's tokens (why inline, in PaneShell.tsx). Not Fluent's own: its Text
 * and presets cost about 1.1 KB gzipped of each pane's first script for five font settings.
 * Renders only.
 */
import type { CSSProperties, HTMLAttributes, LabelHTMLAttributes } from "react";
import { tokenVar } from "./tokenVar";

export type TextElement = "h1" | "h2" | "h3" | "h4" | "p" | "span" | "label";

export type TextProps = HTMLAttributes<HTMLElement> &
  Pick<LabelHTMLAttributes<HTMLLabelElement>, "htmlFor"> & {
    /** The element to render, as Fluent's Text takes it. @default "span" */
    as?: TextElement;
  };

/** Fluent Text's root styles that shape layout (useTextStyles), under every preset. */
const textRoot: CSSProperties = {
  textAlign: "start",
  display: "inline",
  whiteSpace: "normal",
  overflow: "visible",
  textOverflow: "clip",
};

type RampSize = 200 | 300 | 400 | 500 | 600;

/** One step of Fluent's type ramp, as its `typographyStyles` sets it. */
function ramp(size: RampSize, weight: "fontWeightRegular" | "fontWeightSemibold"): CSSProperties {
  return {
    ...textRoot,
    fontFamily: tokenVar("fontFamilyBase"),
    fontSize: tokenVar(`fontSizeBase${size}`),
    fontWeight: tokenVar(weight),
    lineHeight: tokenVar(`lineHeightBase${size}`),
  };
}

const presets = {
  title3: ramp(600, "fontWeightSemibold"),
  subtitle1: ramp(500, "fontWeightSemibold"),
  subtitle2: ramp(400, "fontWeightSemibold"),
  body1: ramp(300, "fontWeightRegular"),
  caption1: ramp(200, "fontWeightRegular"),
} satisfies Record<string, CSSProperties>;

/** The caller's `style` goes after the preset, as an inline style beats Fluent's classes. */
function renderText(preset: CSSProperties, { as: Element = "span", style, ...rest }: TextProps) {
  return <Element {...rest} style={style === undefined ? preset : { ...preset, ...style }} />;
}

export function Title3(props: TextProps) {
  return renderText(presets.title3, props);
}

export function Subtitle1(props: TextProps) {
  return renderText(presets.subtitle1, props);
}

export function Subtitle2(props: TextProps) {
  return renderText(presets.subtitle2, props);
}

export function Body1(props: TextProps) {
  return renderText(presets.body1, props);
}

export function Caption1(props: TextProps) {
  return renderText(presets.caption1, props);
}
