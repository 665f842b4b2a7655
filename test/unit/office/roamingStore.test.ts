import { createRoamingStore, RoamingSaveError, ROAMING_SETTINGS_LIMIT_BYTES } from "../../../src/office";
import type { AsyncResultLike, OfficeCallback, RoamingSettingsLike } from "../../../src/office";
import { failed, succeeded } from "./officeFakes";

function fakeRoamingSettings(results: AsyncResultLike<void>[] = []) {
  const data = new Map<string, unknown>();
  const saveAsync = jest.fn((cb?: OfficeCallback<void>) => cb?.(results.shift() ?? succeeded(undefined)));
  const settings: RoamingSettingsLike = {
    get: (k) => data.get(k),
    set: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
    saveAsync,
  };
  return { settings, data, saveAsync };
}

const noWait = { sleep: async () => undefined };

describe("createRoamingStore", () => {
  it("gets, sets, removes and saves", async () => {
    const { settings, saveAsync } = fakeRoamingSettings();
    const store = createRoamingStore(settings, noWait);
    store.set("a", { x: 1 });
    expect(store.get("a")).toEqual({ x: 1 });
    await store.save();
    store.remove("a");
    expect(store.get("a")).toBeUndefined();
    expect(saveAsync).toHaveBeenCalledTimes(1);
  });

  it("checks the 32 KB limit before saving, counting keys known from earlier sessions, and names the size", async () => {
    const { settings, data, saveAsync } = fakeRoamingSettings();
    data.set("old", "x".repeat(20_000)); // saved by an earlier session, not touched in this one
    const store = createRoamingStore(settings, { ...noWait, knownKeys: ["old"] });
    store.set("new", "y".repeat(13_000));
    const attempt = store.save();
    await expect(attempt).rejects.toBeInstanceOf(RoamingSaveError);
    await expect(attempt).rejects.toMatchObject({ failure: "too-large" });
    await expect(attempt).rejects.toThrow(/32 KB.*nothing was saved/);
    await expect(attempt).rejects.toThrow(/\(330\d\d bytes\)/);
    expect(saveAsync).not.toHaveBeenCalled();
  });

  it("counts multi-byte characters as UTF-8 bytes", async () => {
    const { settings, saveAsync } = fakeRoamingSettings();
    const store = createRoamingStore(settings, noWait);
    store.set("k", "é".repeat(ROAMING_SETTINGS_LIMIT_BYTES / 2)); // 2 bytes each: over the limit
    await expect(store.save()).rejects.toMatchObject({ failure: "too-large" });
    expect(saveAsync).not.toHaveBeenCalled();
  });

  it("explains Office's 9057 (size limit) and does not retry it", async () => {
    const { settings, saveAsync } = fakeRoamingSettings([failed(9057, "Internal Error", "An internal error has occurred.")]);
    const attempt = createRoamingStore(settings, noWait).save();
    await expect(attempt).rejects.toMatchObject({ failure: "too-large", code: 9057 });
    await expect(attempt).rejects.toThrow(/32 KB.*9057/);
    expect(saveAsync).toHaveBeenCalledTimes(1);
  });

  it("retries Office's intermittent 9019 at most twice, with a pause", async () => {
    const sleep = jest.fn(async () => undefined);
    const fail9019 = () => failed<void>(9019, "GenericSettingsError", "An internal error has occurred.");
    const { settings, saveAsync } = fakeRoamingSettings([fail9019(), fail9019()]);
    await createRoamingStore(settings, { sleep }).save();
    expect(saveAsync).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[250], [750]]);

    const always = fakeRoamingSettings([fail9019(), fail9019(), fail9019(), fail9019()]);
    await expect(createRoamingStore(always.settings, noWait).save()).rejects.toMatchObject({ failure: "internal", code: 9019 });
    expect(always.saveAsync).toHaveBeenCalledTimes(3);
  });

  it.each([
    [9041, "offline", /network is gone/],
    [5001, "unknown", /Something broke \(error 5001\)/],
  ])("does not retry error %d (%s)", async (code, failure, message) => {
    const { settings, saveAsync } = fakeRoamingSettings([failed(code, "X", "Something broke")]);
    const attempt = createRoamingStore(settings, noWait).save();
    await expect(attempt).rejects.toMatchObject({ failure, code });
    await expect(attempt).rejects.toThrow(message);
    expect(saveAsync).toHaveBeenCalledTimes(1);
  });
});
