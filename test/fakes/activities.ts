/** Builds activities for tests. */
import type { Activity } from "../../src/storage/ports";

export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  const designator = overrides.designator ?? 0;
  const user = overrides.user ?? 2;
  const counter = overrides.counter ?? 1;
  return {
    token: `CRM:${designator}${String(user).padStart(3, "0")}${String(counter).padStart(4, "0")}`,
    designator,
    user,
    counter,
    subject: "Quote",
    to: ["customer@example.com"],
    cc: [],
    sender: "me@example.com",
    stampedAt: 0,
    draftKey: `draft-${designator}-${user}-${counter}`,
    synced: designator === 0,
    status: "sent",
    ...overrides,
  };
}
