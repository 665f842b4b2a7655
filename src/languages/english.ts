/**
 * English messages at hand, for the tracking service (its configuration problems go to the admin's
 * log in English) and for tests. The panes never import this; they load their catalogue (load.ts).
 */
import { en } from "./catalogues/en";
import { describeProblem } from "./settingsProblems";
import { describeForeignMark, describeNearMiss } from "./subjectMarks";
import { createMessages } from "./messages";
import type { ForeignMark, NearMiss, SettingsProblem } from "../core";

const english = createMessages("en", en, "en");

/** A settings problem in English. */
export function englishProblem(problem: SettingsProblem): string {
  return describeProblem(english, problem);
}

/** Why a near miss is not a token, in English. */
export function englishNearMiss(miss: NearMiss): string {
  return describeNearMiss(english, miss);
}

/** What another system's mark is, in English. */
export function englishForeignMark(mark: ForeignMark): string {
  return describeForeignMark(english, mark).explanation;
}
