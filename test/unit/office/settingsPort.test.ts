import { DEFAULT_SETTINGS } from "../../../src/core";
import { createSettingsPort, SettingsInvalidError } from "../../../src/office";
import { FakeRoamingStore } from "../../fakes";

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
    expect(problems.every((p) => /default/.test(p.message))).toBe(true);
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
    expect(loaded.problems).toEqual([{ field: "settings", message: expect.stringContaining("not readable") }]);
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
});
