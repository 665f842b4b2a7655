/**
 * The read pane's list of invalid settings, in the user's words. A chunk of its own: the wording of
 * every settings problem (languages/settingsProblems.ts) is needed only when one is shown.
 */
import type { ValidationError } from "../../core/types";
import { describeError } from "../../languages/settingsProblems";
import { useMessages } from "../shared/language";

export function SettingsProblemList({ problems }: { problems: readonly ValidationError[] }) {
  const m = useMessages();
  return (
    <ul>
      {problems.map((problem, i) => (
        <li key={`${problem.field}-${i}`}>{describeError(m, problem)}</li>
      ))}
    </ul>
  );
}
