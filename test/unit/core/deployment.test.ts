import { DEFAULT_SETTINGS, deploymentApplies, sameServiceUrl, withDeployment } from "../../../src/core";
import type { Deployment, KnownDeployment } from "../../../src/core";

const TEAM: Deployment = { prefix: "TEAM:", prefixHistory: ["CRM:"], userDigits: 3, counterDigits: 4, deploymentBase: 500, activeDays: 45, trackingEnabled: false, reserveSize: 50 };
const known = (ordinal: number | null, deployment: Deployment = TEAM): KnownDeployment => ({ serviceUrl: "https://tokens.example.com", deployment, ordinal });

describe("the service's deployment over the user's own settings", () => {
  it("takes every field the service owns, and leaves the user's own (service URL, stamp on send)", () => {
    const own = { ...DEFAULT_SETTINGS, prefix: "MINE:", userOrdinal: 7, serviceUrl: "https://tokens.example.com", autoStampOnSend: true };
    expect(withDeployment(own, known(3))).toEqual({
      settings: { ...own, prefix: "TEAM:", prefixHistory: ["CRM:"], deploymentBase: 500, activeDays: 45, trackingEnabled: false, userOrdinal: 3 },
      problems: [],
    });
  });

  it("keeps the user's own number until the service assigns one (registration claims it), unless it cannot fit the team's", () => {
    expect(withDeployment({ ...DEFAULT_SETTINGS, userOrdinal: 7 }, known(null)).settings.userOrdinal).toBe(7);
    expect(withDeployment({ ...DEFAULT_SETTINGS, userOrdinal: 600 }, known(null)).settings.userOrdinal).toBeNull();
  });

  it("never lists the current prefix among the earlier ones, nor one twice", () => {
    const settings = withDeployment(DEFAULT_SETTINGS, known(1, { ...TEAM, prefixHistory: ["team:", "CRM:", "crm:", "OLD:"] })).settings;
    expect(settings.prefixHistory).toEqual(["CRM:", "OLD:"]);
  });

  it("keeps the user's settings, and says why, when the service's cannot be used", () => {
    const result = withDeployment(DEFAULT_SETTINGS, known(1, { ...TEAM, userDigits: 0 }));
    expect(result.settings).toBe(DEFAULT_SETTINGS);
    expect(result.problems[0]?.problem).toMatchObject({ code: "service-settings-unusable", reasons: [{ code: "integer-range", setting: "userDigits", got: { kind: "literal", text: "0" } }] });
  });
});

describe("which service a deployment belongs to", () => {
  it.each([
    ["https://tokens.example.com", "https://tokens.example.com/", true],
    ["https://TOKENS.Example.com/api", "https://tokens.example.com/api/", true],
    ["https://tokens.example.com/API", "https://tokens.example.com/api", false],
    ["https://tokens.example.com", "https://other.example.com", false],
    ["", "", false],
  ])("%s and %s: %s", (a, b, same) => {
    expect(sameServiceUrl(a, b)).toBe(same);
    expect(deploymentApplies({ serviceUrl: a }, { ...known(1), serviceUrl: b })).toBe(same);
  });
});
