/**
 * The user's catalogue starts downloading as the pane's script begins to run (docs/DESIGN.md §9): each
 * pane entry imports this module before any other, so the request goes out before React and Fluent
 * evaluate, not after (tens of milliseconds of a cold load, docs/BENCHMARKS.md, Panes). No React here.
 */
import { paneLanguage } from "./paneLanguage";

/** Guessed from the page's URL (Outlook's `_host_Info`) or the browser; Office's displayLanguage settles it (paneRoot.tsx). */
export const guessedLanguage = paneLanguage(location.href, navigator.language);
