/** Fluent's dark theme, alone in this module so that webpack can put it in a chunk of its own (paneTheme.ts). */
export { webDarkTheme } from "@fluentui/react-components";
