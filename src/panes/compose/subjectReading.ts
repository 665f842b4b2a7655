/** What the compose pane says about a subject: our tokens (decoded), this draft's token, other marks. */
import { findTokens } from "../../core";
import type { FoundToken, Settings } from "../../core/types";

export type SubjectReading = {
  /** The subject as read from the item. */
  readonly text: string;
  /** Tokens of ours (current prefix or history), in order. */
  readonly ours: readonly FoundToken[];
  /** This draft's own token when it stands in the subject; then the pane offers Remove instead of Add. */
  readonly draftToken: FoundToken | null;
  /** Text like WORD:digits that is not a token of ours (another system's token, a near miss): left alone. */
  readonly hasOtherMarks: boolean;
};

// A word, a colon, then digits: the shape of any tracking token. Anything not ours is only reported.
const MARK_SHAPE = /(?<![\p{L}\p{N}])[\p{L}][\p{L}\p{N}_-]*:[0-9]+/gu;

/**
 * Reads `subject` against `settings`. `draftToken` is the token the Stamper gave this draft, if any;
 * it counts as present whatever the letter case of its prefix in the subject.
 */
export function readSubject(subject: string, settings: Settings, draftToken: string | undefined): SubjectReading {
  const ours = findTokens(subject, settings);
  const wanted = draftToken?.toLowerCase();
  const own = wanted === undefined ? undefined : ours.find((token) => token.text.toLowerCase() === wanted);
  const covered = (start: number, end: number) => ours.some((t) => start < t.index + t.text.length && t.index < end);
  let hasOtherMarks = false;
  for (const match of subject.matchAll(MARK_SHAPE)) {
    if (!covered(match.index, match.index + match[0].length)) {
      hasOtherMarks = true;
      break;
    }
  }
  return { text: subject, ours, draftToken: own ?? null, hasOtherMarks };
}
