import { Card, Subtitle2 } from "@fluentui/react-components";
import type { SmartMatch } from "../../core";
import type { Activity } from "../../storage/ports";
import { ActivitySummary } from "./ActivitySummary";

export type SmartMatchCardProps = {
  /** The activity smart matching proposes, with the addresses it shares with this message. */
  match: SmartMatch<Activity>;
  /** BCP 47 locale for times. @default the user's locale */
  locale?: string | undefined;
};

/** A proposal, not a certainty: the label says how it was found. */
export function SmartMatchCard({ match, locale }: SmartMatchCardProps) {
  const count = match.sharedAddresses.length;
  return (
    <Card appearance="outline" aria-labelledby="smart-match-title">
      <Subtitle2 as="h3" id="smart-match-title">
        Possible match (smart match: same subject, {count} shared {count === 1 ? "address" : "addresses"})
      </Subtitle2>
      <ActivitySummary activity={match.activity} locale={locale} />
    </Card>
  );
}
