import { Subtitle2 } from "@fluentui/react-components";
import type { SmartMatch } from "../../core";
import { ActivitySummary } from "./ActivitySummary";
import { OutlineCard } from "./OutlineCard";
import type { Answer, KnownActivity } from "./useReadPane";

export type SmartMatchCardProps = {
  /** The activity smart matching proposes, with the addresses it shares with this message, and who proposed it. */
  answer: Answer<SmartMatch<KnownActivity>>;
  /** BCP 47 locale for times. @default the user's locale */
  locale?: string | undefined;
};

/** A proposal, not a certainty: the label says how it was found. */
export function SmartMatchCard({ answer: { match, by: foundBy }, locale }: SmartMatchCardProps) {
  const count = match.sharedAddresses.length;
  const by = foundBy === "service" ? " by the tracking service" : "";
  // The service may not say which addresses it matched on.
  const shared = count > 0 ? `: same subject, ${count} shared ${count === 1 ? "address" : "addresses"}` : ": same subject and shared addresses";
  return (
    <OutlineCard labelledBy="smart-match-title">
      <Subtitle2 as="h3" id="smart-match-title">
        Possible match (smart match{by}{shared})
      </Subtitle2>
      <ActivitySummary activity={match.activity} locale={locale} />
    </OutlineCard>
  );
}
