/** @jest-environment jsdom */
/**
 * The read pane with a tracking service: a colleague's token resolves through it (who sent it,
 * and how it was found); the user's own activities come from this device; an unreachable
 * service is said, and the device's history still answers.
 */
import { act, screen, within } from "@testing-library/react";
import type { ActivityDirectory, DirectoryActivity, DirectoryMatch } from "../../../../src/authority/service/directory";
import { ServiceTimeoutError } from "../../../../src/authority/service/errors";
import { DEFAULT_SETTINGS } from "../../../../src/core";
import type { Deployment } from "../../../../src/core";
import { CUSTOMER, FakeActivityLog, FakeMailbox, ME, fakeSettings, received, sentActivity } from "./fakes";
import { renderReadPane, termsOf, tokenCard } from "./renderPane";

const PAT = "pat.seller@contoso.com";

/** Pat's activity as the service knows it. */
const patsQuote: DirectoryActivity = {
  token: "CRM:00011003",
  designator: 0,
  user: 1,
  counter: 1003,
  subject: "Quote for 200 chairs CRM:00011003",
  to: [CUSTOMER],
  cc: [ME],
  sender: PAT,
  senderName: "Pat Seller",
  stampedAt: Date.UTC(2025, 4, 13, 17, 2),
};

class FakeDirectory implements ActivityDirectory {
  readonly label = "tracking service";
  /** What deployment() answers; undefined: this directory has no deployment to tell. */
  team: Deployment | undefined;
  readonly asked: string[] = [];
  correlations = 0;
  failure: Error | undefined;
  constructor(
    private readonly known: readonly DirectoryActivity[],
    private readonly correlation: DirectoryMatch | undefined = undefined,
  ) {}
  async byToken(token: string): Promise<DirectoryActivity | undefined> {
    this.asked.push(token);
    if (this.failure) throw this.failure;
    return this.known.find((a) => a.token.toLowerCase() === token.toLowerCase());
  }
  deployment = async (): Promise<Deployment> => {
    if (this.team === undefined) throw new Error("no deployment here");
    return this.team;
  };
  async correlate(): Promise<DirectoryMatch | undefined> {
    this.correlations++;
    if (this.failure) throw this.failure;
    return this.correlation;
  }
}

const renderPane = renderReadPane;

async function answerOf(token: string): Promise<HTMLElement> {
  return within(await tokenCard(token)).getByRole("region", { name: "What it answers" });
}

const details = termsOf;

describe("ReadPane with a tracking service", () => {
  it("shows a colleague's activity, found by token through the service, with who sent it", async () => {
    const directory = new FakeDirectory([patsQuote]);
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote for 200 chairs CRM:00011003", { from: CUSTOMER, to: [ME, PAT] })), directory });
    const answer = await answerOf("CRM:00011003");
    expect(await within(answer).findByText("Found by token (tracking service)")).toBeInTheDocument();
    expect(details(answer)).toEqual({
      Subject: "Quote for 200 chairs CRM:00011003",
      To: CUSTOMER,
      Cc: ME,
      Sent: new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(patsQuote.stampedAt)),
      Sender: "Pat Seller <pat.seller@contoso.com>",
    });
    expect(directory.asked).toEqual(["CRM:00011003"]);
  });

  it("answers the user's own tokens from this device without asking the service", async () => {
    const mine = sentActivity({ token: "CRM:00021003" });
    const directory = new FakeDirectory([]);
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote CRM:00021003")), activityLog: new FakeActivityLog([mine]), directory });
    const answer = await answerOf("CRM:00021003");
    expect(within(answer).getByText("Found by token")).toBeInTheDocument();
    expect(details(answer)["Sender"]).toBe(ME);
    expect(directory.asked).toEqual([]);
  });

  it("says when neither this device nor the service knows a token", async () => {
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote CRM:00051003")), directory: new FakeDirectory([]) });
    const answer = await answerOf("CRM:00051003");
    expect(await within(answer).findByText("Not in this device's history, and not known to the tracking service.")).toBeInTheDocument();
  });

  it("says the service did not answer, and still shows what this device knows", async () => {
    const directory = new FakeDirectory([]);
    directory.failure = new ServiceTimeoutError(3000, "about CRM:00011003");
    // Another mailbox on this browser stamped it: the device's log still answers when the service cannot.
    const local = sentActivity({ token: "CRM:00011003", sender: PAT });
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote CRM:00011003 CRM:00051003")), activityLog: new FakeActivityLog([local]), directory });
    expect(await screen.findByText("The tracking service did not answer")).toBeInTheDocument();
    expect(screen.getByText(/did not answer about CRM:00011003 within 3 s\. Showing what this device knows\./)).toBeInTheDocument();
    const known = await answerOf("CRM:00011003");
    expect(within(known).getByText("Found by token")).toBeInTheDocument();
    const unknown = await answerOf("CRM:00051003");
    expect(within(unknown).getByText(/The tracking service could not be asked/)).toBeInTheDocument();
  });

  it("without a token, shows the service's smart match, labelled as such", async () => {
    const directory = new FakeDirectory([], { method: "smart match", activity: patsQuote, sharedAddresses: [CUSTOMER, ME] });
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote for 200 chairs", { from: CUSTOMER, to: [ME] })), directory });
    const heading = await screen.findByRole("heading", { level: 3, name: "Possible match (smart match by the tracking service: same subject, 2 shared addresses)" });
    const card = heading.parentElement as HTMLElement;
    expect(within(card).getByText("Pat Seller <pat.seller@contoso.com>")).toBeInTheDocument();
    expect(directory.correlations).toBe(1);
  });

  it("counts as ours the prefixes the service says are, and asks it about them (docs/NUMBERING.md)", async () => {
    const directory = new FakeDirectory([{ ...patsQuote, token: "ACME:00011003", subject: "Quote ACME:00011003" }]);
    directory.team = { prefix: "CRM:", prefixHistory: ["ACME:"], userDigits: 3, counterDigits: 4, deploymentBase: 0, activeDays: 30, trackingEnabled: true, reserveSize: 50 };
    const settings = fakeSettings({ ...DEFAULT_SETTINGS, serviceUrl: "https://tokens.example.com" });
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote ACME:00011003", { from: CUSTOMER, to: [ME, PAT] })), directory, settings });
    const answer = await answerOf("ACME:00011003");
    expect(await within(answer).findByText("Found by token (tracking service)")).toBeInTheDocument();
    expect(settings.load()).toMatchObject({ managedBy: "https://tokens.example.com", settings: { prefixHistory: ["ACME:"] } });
    expect(screen.queryByText("The tracking service did not answer")).not.toBeInTheDocument();
  });

  it("decodes the open message again when another pane saves a new prefix", async () => {
    const settings = fakeSettings();
    renderPane({ mailbox: new FakeMailbox(received("RE: Quote TT-00021003")), settings });
    expect(await screen.findByText(/RE: Quote TT-00021003/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 3, name: "TT-00021003" })).not.toBeInTheDocument();
    act(() => settings.savedElsewhere({ ...DEFAULT_SETTINGS, prefix: "TT-", prefixHistory: ["CRM:"] }));
    expect(await screen.findByRole("heading", { level: 3, name: "TT-00021003" })).toBeInTheDocument();
  });
});
