import { Subtitle2 } from "../shared/Typography";
import type { SmartMatch } from "../../core";
import { ActivitySummary } from "./ActivitySummary";
import { OutlineCard } from "./OutlineCard";
import type { Answer, KnownActivity } from "./useReadPane";
import { useMessages } from "../shared/language";

export type SmartMatchCardProps = {
  /** The activity smart matching proposes, with the addresses it shares with this message, and who proposed it. */
  answer: Answer<SmartMatch<KnownActivity>>;
};

/** A proposal, not a certainty: the label says how it was found. */
export function SmartMatchCard({ answer: { match, by: foundBy } }: SmartMatchCardProps) {
  const m = useMessages();
  const count = match.sharedAddresses.length;
  const byService = foundBy === "service";
  // The service may not say which addresses it matched on.
  const title =
    count > 0
      ? m.count(byService ? "match.titleCountService" : "match.titleCount", count)
      : m.text(byService ? "match.titleService" : "match.title");
  return (
    <OutlineCard labelledBy="smart-match-title">
      <Subtitle2 as="h3" id="smart-match-title">
        {title}
      </Subtitle2>
      <ActivitySummary activity={match.activity} />
    </OutlineCard>
  );
}
