/**
 * Core's explanation of a subject in the user's words (docs/DESIGN.md §9): why a near miss is not a
 * token, and what another system's mark is. Core says which; this says it in the catalogue's language.
 */
import type { ForeignMark, NearMiss } from "../core";
import type { Messages } from "./messages";

/** Why a near miss is not a token: one sentence per reason, in core's order. */
export function describeNearMiss(m: Messages, miss: NearMiss): string {
  const whose = miss.origin === "current" ? m.text("nearMiss.ourPrefix", { prefix: miss.prefix }) : m.text("nearMiss.ourEarlierPrefix", { prefix: miss.prefix });
  return miss.kinds
    .map((kind): string => {
      switch (kind) {
        case "look-alike-prefix":
          return m.text("nearMiss.look-alike-prefix", { typed: miss.typedPrefix, whose });
        case "glued":
        case "space-after-prefix":
          return m.text(`nearMiss.${kind}`, { whose });
        case "other-script-digits":
          return m.text("nearMiss.other-script-digits", { script: m.text(`script.${miss.script}`) });
        case "digit-count":
          return m.count("nearMiss.digit-count", miss.digitCount, { whose, expected: miss.expectedDigits });
        case "designator":
          return m.text("nearMiss.designator", { digit: miss.firstDigit || "?" });
      }
    })
    .join(" ");
}

/** What another system's mark is, in a few words, and why it is left alone. */
export function describeForeignMark(m: Messages, mark: ForeignMark): { readonly label: string; readonly explanation: string } {
  const { prefix = "", hook = "", instance = "", ticket = "" } = mark.detail;
  const label = m.text(`foreign.${mark.kind}`);
  switch (mark.kind) {
    case "other-prefix":
      return { label, explanation: m.text("foreign.other-prefix.text", { prefix }) };
    case "ticket-hook":
      return { label, explanation: m.text("foreign.ticket-hook.text", { hook, ticket }) };
    case "request-tracker":
      return { label, explanation: m.text("foreign.request-tracker.text", { instance, ticket }) };
    case "salesforce-thread":
      return { label, explanation: m.text("foreign.salesforce-thread.text") };
    case "freshdesk":
      return { label, explanation: m.text("foreign.freshdesk.text", { ticket }) };
  }
}
