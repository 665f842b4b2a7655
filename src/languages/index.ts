/** The languages room's API (docs/DESIGN.md §9). Catalogues other than English load through loadCatalogue. */
export { FALLBACK_LANGUAGE, LANGUAGES, chooseLanguage, hostInfoLocale, textDirection } from "./tags";
export type { LanguageTag } from "./tags";
export { createMessages } from "./messages";
export type { Catalogue, CountKey, Messages, PluralForms, TextKey } from "./messages";
export { describeError, describeProblem } from "./settingsProblems";
export { describeForeignMark, describeNearMiss } from "./subjectMarks";
export { loadCatalogue, loadMessages } from "./load";
