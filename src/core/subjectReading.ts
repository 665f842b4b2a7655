/**
 * What the compose pane says about a draft's subject (docs/DESIGN.md §4): our tokens, the draft's
 * own token, and whether other marks stand there. The same reading as the read pane's
 * (explainSubject), so both panes call the same text a token, a near miss or another system's mark.
 */
import { explainSubject } from "./explain";
import { asciiLowerCase } from "./settings";
import type { FoundToken, Settings } from "./types";

export type SubjectReading = {
  /** The subject as read from the item. */
  readonly text: string;
  /** Tokens of ours (current prefix or history), in order. */
  readonly ours: readonly FoundToken[];
  /** This draft's own token when it stands in the subject; then the pane offers Remove instead of Add. */
  readonly draftToken: FoundToken | null;
  /** Another system's mark or a near miss of ours: left alone, and said so. */
  readonly hasOtherMarks: boolean;
};

/**
 * Reads `subject` against `settings`. `draftToken` is the token the Stamper gave this draft, if any;
 * it counts as present whatever the ASCII letter case of its prefix in the subject.
 */
export function readSubject(subject: string, settings: Settings, draftToken: string | undefined): SubjectReading {
  const { ours, foreign, nearMisses } = explainSubject(subject, settings);
  const wanted = draftToken === undefined ? undefined : asciiLowerCase(draftToken);
  const own = wanted === undefined ? undefined : ours.find((token) => asciiLowerCase(token.text) === wanted);
  return { text: subject, ours, draftToken: own ?? null, hasOtherMarks: foreign.length > 0 || nearMisses.length > 0 };
}
