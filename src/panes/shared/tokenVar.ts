/**
 * Fluent's design tokens as the CSS variables they are (`tokens.spacingVerticalM` is
 * "var(--spacingVerticalM)"), without importing the `tokens` object at run time. The minifier
 * keeps only the tokens used while every use sits in one chunk; a use from a lazy chunk (the
 * settings form) kept all 467 of them, about 9 KB gzipped. The name is still checked against
 * Fluent's list, and a unit test checks the values.
 */
import type { tokens } from "@fluentui/react-components";

/** The tokens that are a plain variable (the zIndex ones carry a fallback value too). */
export type TokenName = Exclude<keyof typeof tokens, `zIndex${string}`>;

/** `tokens[name]`, as a CSS value for an inline style. */
export function tokenVar(name: TokenName): string {
  return `var(--${name})`;
}
