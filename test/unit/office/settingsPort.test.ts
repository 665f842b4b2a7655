import { DEFAULT_SETTINGS } from "../../../src/core";
import type { Deployment, KnownDeployment } from "../../../src/core";
import { createSettingsPort, DEPLOYMENT_KEY, SettingsInvalidError } from "../../../src/office";
import { FakeMailboxSettings, FakeRoamingStore, FakeSettingsHub } from "../../fakes";

const TEAM: Deployment = { prefix: "ACME-", prefixHistory: ["CRM:"], userDigits: 4, counterDigits: 5, deploymentBase: 100, activeDays: 60, trackingEnabled: true, reserveSize: 50 };
const SERVICE = "https://tokens.example.com";
const known = (over: Partial<KnownDeployment> = {}): KnownDeployment => ({ serviceUrl: SERVICE, deployment: TEAM, ordinal: 3, ...over });

describe("createSettingsPort", () => {
  it("loads the defaults when nothing is stored", () => {
    expect(createSettingsPort(new FakeRoamingStore()).load()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("merges stored fields over the defaults", () => {
    const roaming = new FakeRoamingStore();
    roaming.set("settings", { prefix: "ACME:", userOrdinal: 2 });
    const { settings, problems } = createSettingsPort(roaming).load();
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, prefix: "ACME:", userOrdinal: 2 });
  });

  it("uses the default for each bad stored field, says why, and deletes nothing", () => {
    const roaming = new FakeRoamingStore();
    const stored = { prefix: "CRM1", counterDigits: 12, activeDays: 10, prefixHistory: ["OLD:", "bad prefix", "MID:"], futureField: "kept" };
    roaming.set("settings", stored);
    const { settings, problems } = createSettingsPort(roaming).load();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, activeDays: 10, prefixHistory: ["OLD:", "MID:"] });
    expect(problems.map((p) => p.field).sort()).toEqual(["counterDigits", "prefix", "prefixHistory[1]"]);
    expect(problems.every((p) => p.ignored === true)).toBe(true);
    expect(problems.map((p) => p.problem.code).sort()).toEqual(["integer-range", "prefix-ends-in-digit", "prefix-whitespace"]);
    expect(roaming.get("settings")).toEqual(stored);
  });

  it("falls back field by field when one bad field makes another fail (user number vs digits)", () => {
    const roaming = new FakeRoamingStore();
    roaming.set("settings", { userDigits: "three", deploymentBase: 500, userOrdinal: 1 });
    const { settings, problems } = createSettingsPort(roaming).load();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, deploymentBase: 500, userOrdinal: 1 });
    expect(problems.map((p) => p.field)).toEqual(["userDigits"]);
  });

  it("reports unreadable stored settings", () => {
    const roaming = new FakeRoamingStore();
    roaming.set("settings", "garbage");
    const loaded = createSettingsPort(roaming).load();
    expect(loaded.settings).toBe(DEFAULT_SETTINGS);
    expect(loaded.problems).toEqual([{ field: "settings", problem: { code: "saved-unreadable", found: "string" } }]);
  });

  it("never saves invalid settings: rejects with every field's error", async () => {
    const roaming = new FakeRoamingStore();
    roaming.set("settings", { prefix: "OK:" });
    const port = createSettingsPort(roaming);
    const attempt = port.save({ ...DEFAULT_SETTINGS, prefix: "", counterDigits: 0 });
    await expect(attempt).rejects.toBeInstanceOf(SettingsInvalidError);
    await expect(attempt).rejects.toMatchObject({ name: "SettingsInvalidError", errors: [expect.objectContaining({ field: "prefix" }), expect.objectContaining({ field: "counterDigits" })] });
    expect(roaming.saveCalls).toBe(0);
    expect(roaming.get("settings")).toEqual({ prefix: "OK:" });
  });

  it("saves valid settings, keeping fields a newer version stored", async () => {
    const roaming = new FakeRoamingStore();
    roaming.set("settings", { prefix: "OK:", futureField: 1 });
    await createSettingsPort(roaming).save({ ...DEFAULT_SETTINGS, userOrdinal: 4 });
    expect(roaming.mailbox.data.settings).toEqual({ ...DEFAULT_SETTINGS, userOrdinal: 4, futureField: 1 });
  });

  it("puts the previous settings back in memory when the save fails", async () => {
    const roaming = new FakeRoamingStore();
    roaming.set("settings", { prefix: "OK:" });
    roaming.mode = "offline";
    const port = createSettingsPort(roaming);
    await expect(port.save({ ...DEFAULT_SETTINGS, prefix: "NEW:" })).rejects.toMatchObject({ name: "RoamingSaveError" });
    expect(port.load().settings.prefix).toBe("OK:");
  });

  describe("with a tracking service (docs/NUMBERING.md)", () => {
    it("gives the service's fields once its deployment is adopted; the number it assigned becomes the user's own", async () => {
      const roaming = new FakeRoamingStore();
      roaming.set("settings", { prefix: "MINE:", userOrdinal: 7, serviceUrl: SERVICE, autoStampOnSend: true });
      const port = createSettingsPort(roaming);
      expect(port.load().managedBy).toBeUndefined();
      expect(port.load().settings.prefix).toBe("MINE:");

      await port.adoptDeployment(known());
      const loaded = port.load();
      expect(loaded.managedBy).toBe(SERVICE);
      expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, prefix: "ACME-", prefixHistory: ["CRM:"], userDigits: 4, counterDigits: 5, deploymentBase: 100, activeDays: 60, userOrdinal: 3, serviceUrl: SERVICE, autoStampOnSend: true });
      expect(roaming.mailbox.data[DEPLOYMENT_KEY]).toEqual(known());
      // Off the service again, the user numbers as the user the service made them, the team's way: never as user 7.
      roaming.set("settings", { ...(roaming.get("settings") as object), serviceUrl: "" });
      expect(port.load()).toEqual({ settings: { ...loaded.settings, serviceUrl: "" }, problems: [] });
    });

    it("keeps the user's own settings stored until the service has assigned a number (registration claims it)", async () => {
      const roaming = new FakeRoamingStore();
      roaming.set("settings", { prefix: "MINE:", userOrdinal: 7, serviceUrl: SERVICE });
      const port = createSettingsPort(roaming);
      await port.adoptDeployment(known({ ordinal: null }));
      expect(port.load().settings).toMatchObject({ prefix: "ACME-", userOrdinal: 7 });
      expect(roaming.get("settings")).toEqual({ prefix: "MINE:", userOrdinal: 7, serviceUrl: SERVICE });
    });

    it("applies a deployment only to the service it came from (a slash or the host's case aside)", async () => {
      const roaming = new FakeRoamingStore();
      roaming.set("settings", { serviceUrl: "https://other.example.com" });
      const port = createSettingsPort(roaming);
      await port.adoptDeployment(known());
      expect(port.load().settings.prefix).toBe("CRM:");
      roaming.set("settings", { serviceUrl: "https://TOKENS.example.com/" });
      expect(port.load().settings.prefix).toBe("ACME-");
    });

    it("keeps the ordinal a registration gave when the deployment alone is heard again", async () => {
      const port = createSettingsPort(new FakeRoamingStore());
      await port.save({ ...DEFAULT_SETTINGS, serviceUrl: SERVICE });
      await port.adoptDeployment(known({ ordinal: 3 }));
      await port.adoptDeployment(known({ ordinal: null, deployment: { ...TEAM, prefix: "NEW-", prefixHistory: ["ACME-", "CRM:"] } }));
      expect(port.load().settings).toMatchObject({ prefix: "NEW-", prefixHistory: ["ACME-", "CRM:"], userOrdinal: 3 });
    });

    it("lists the current prefix once and never in its own history, whatever the service sends", async () => {
      const port = createSettingsPort(new FakeRoamingStore());
      await port.save({ ...DEFAULT_SETTINGS, serviceUrl: SERVICE });
      await port.adoptDeployment(known({ deployment: { ...TEAM, prefixHistory: ["acme-", "CRM:", "crm:"] } }));
      expect(port.load().settings.prefixHistory).toEqual(["CRM:"]);
    });

    it("uses the user's own settings, and says why, when the service's cannot be used", async () => {
      const port = createSettingsPort(new FakeRoamingStore());
      await port.save({ ...DEFAULT_SETTINGS, prefix: "MINE:", serviceUrl: SERVICE });
      await port.adoptDeployment(known({ deployment: { ...TEAM, prefix: "BAD 1" } }));
      const loaded = port.load();
      expect(loaded.settings.prefix).toBe("MINE:");
      expect(loaded.managedBy).toBeUndefined();
      expect(loaded.problems[0]?.problem).toMatchObject({ code: "service-settings-unusable", serviceUrl: "https://tokens.example.com", reasons: [{ code: "prefix-whitespace" }] });
    });

    it("ignores an unreadable stored deployment until the service answers again", () => {
      const roaming = new FakeRoamingStore();
      roaming.set("settings", { serviceUrl: SERVICE });
      roaming.set(DEPLOYMENT_KEY, { serviceUrl: SERVICE, deployment: { prefix: 7 } });
      expect(createSettingsPort(roaming).load()).toMatchObject({ settings: { prefix: "CRM:" }, problems: [] });
    });

    it("applies an adopted deployment in memory even when the mailbox cannot save it", async () => {
      const roaming = new FakeRoamingStore();
      roaming.set("settings", { serviceUrl: SERVICE });
      roaming.mode = "offline";
      const port = createSettingsPort(roaming);
      await expect(port.adoptDeployment(known())).resolves.toBeUndefined();
      expect(port.load().settings.prefix).toBe("ACME-");
    });
  });

  describe("open panes hear each other", () => {
    it("a save in one pane reaches the other pane's settings and its copy of roaming settings", async () => {
      const mailbox = new FakeMailboxSettings();
      const hub = new FakeSettingsHub();
      const composeRoaming = mailbox.open();
      const readRoaming = mailbox.open(); // a pinned read pane, opened before the save
      const compose = createSettingsPort(composeRoaming, { channel: hub.open() });
      const read = createSettingsPort(readRoaming, { channel: hub.open() });
      const heard = jest.fn();
      read.subscribe(heard);

      await compose.save({ ...DEFAULT_SETTINGS, prefix: "ACME-", prefixHistory: ["CRM:"] });
      expect(heard).toHaveBeenCalledTimes(1);
      expect(read.load().settings).toMatchObject({ prefix: "ACME-", prefixHistory: ["CRM:"] });
      // A later save by the read pane's window writes its whole copy back: the compose pane's prefix stays.
      readRoaming.set("counter:online", { cycle: 0, counter: 4 });
      await readRoaming.save();
      expect(mailbox.data["settings"]).toMatchObject({ prefix: "ACME-" });
    });

    it("tells the other panes nothing when a save fails, and its own listeners nothing either", async () => {
      const hub = new FakeSettingsHub();
      const roaming = new FakeRoamingStore();
      roaming.mode = "fail";
      const port = createSettingsPort(roaming, { channel: hub.open() });
      const heard = jest.fn();
      port.subscribe(heard);
      await expect(port.save({ ...DEFAULT_SETTINGS, prefix: "NEW:" })).rejects.toThrow();
      expect(hub.posted).toEqual([]);
      expect(heard).not.toHaveBeenCalled();
    });

    it("the service's deployment adopted in one pane applies in the others", async () => {
      const mailbox = new FakeMailboxSettings();
      const hub = new FakeSettingsHub();
      const first = createSettingsPort(mailbox.open(), { channel: hub.open() });
      await first.save({ ...DEFAULT_SETTINGS, serviceUrl: SERVICE });
      const second = createSettingsPort(mailbox.open(), { channel: hub.open() });
      await first.adoptDeployment(known());
      expect(second.load()).toMatchObject({ managedBy: SERVICE, settings: { prefix: "ACME-", userOrdinal: 3 } });
    });
  });
});
