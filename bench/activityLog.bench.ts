/**
 * Activity log benchmark: stamping a draft (standalone stamper on the IndexedDB log) and the
 * pending-sync count, with 0 and with 50,000 activities in the device's log. Both must stay flat:
 * stamping reads the log by draft key and the active-number check by key, and the pending count
 * reads the `pending` index (IndexedDB version 2), never the whole log. Node with fake-indexeddb
 * (the same idb code the panes run); medians of several rounds. Prints a Markdown table.
 *
 *   npx tsx bench/activityLog.bench.ts [--activities N] [--stamps N]
 */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createLocalAuthority, createMailboxAuthority, createStamper } from "../src/authority";
import { readRoamingPosition, ROAMING_OFFLINE_HWM_KEY } from "../src/authority/roamingCounters";
import { DEFAULT_SETTINGS } from "../src/core";
import { openActivityLog, openCounterStore } from "../src/storage";
import type { Activity } from "../src/storage";
import { FakeComposeItem, FakeConnectivityMonitor, FakeLockManager, FakeMailboxSettings } from "../test/fakes";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const activities = option("--activities", 50_000);
const stamps = option("--stamps", 30);
const settings = { ...DEFAULT_SETTINGS, userOrdinal: 2, counterDigits: 6 };

async function device(seeded: number) {
  const factory = new IDBFactory();
  const locks = new FakeLockManager();
  const counters = await openCounterStore({ indexedDB: factory, locks });
  const logOpening = await openActivityLog({ indexedDB: factory });
  if (!counters.available || !logOpening.available) throw new Error("storage unavailable");
  const log = logOpening.log;
  const now = () => Date.now();
  // The log as a busy device has it: old sent activities (other users' numbers, so no counter clash), a few queued.
  for (let i = 0; i < seeded; i++) {
    const activity: Activity = {
      token: `CRM:0009${String(i).padStart(6, "0")}`,
      designator: 0,
      user: 9,
      counter: i,
      subject: `Quote ${i}`,
      to: ["dana@fabrikam.com"],
      cc: [],
      sender: "pat@contoso.com",
      stampedAt: now() - i * 60_000,
      sentAt: now() - i * 60_000,
      status: "sent",
      draftKey: `seed-${i}`,
      synced: i % 1000 !== 0,
    };
    await log.put(activity);
  }
  const roaming = new FakeMailboxSettings().open();
  const local = createLocalAuthority({ counters: counters.store, activityLog: log, now, offlineHighWater: (user) => readRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user) });
  const online = createMailboxAuthority({ roaming, counters: counters.store, activityLog: log, local, now });
  const stamper = createStamper({ online, local: { available: true, authority: local }, monitor: new FakeConnectivityMonitor(), activityLog: log, userEmail: "pat@contoso.com", now });
  return { log, stamper };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function measure(seeded: number) {
  const { log, stamper } = await device(seeded);
  const stampMs: number[] = [];
  const pendingMs: number[] = [];
  for (let i = 0; i < stamps; i++) {
    const start = performance.now();
    const outcome = await stamper.stamp(new FakeComposeItem({ subject: `Offer ${i}` }), settings);
    stampMs.push(performance.now() - start);
    if (outcome.status !== "stamped") throw new Error(`stamp ${i}: ${JSON.stringify(outcome)}`);
    const counted = performance.now();
    await log.pendingCount();
    pendingMs.push(performance.now() - counted);
  }
  const all = performance.now();
  await log.unsynced();
  return { stamp: median(stampMs), pending: median(pendingMs), queue: performance.now() - all, pendingCount: await log.pendingCount() };
}

async function main(): Promise<void> {
const empty = await measure(0);
const full = await measure(activities);
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`Machine: ${cpus().length} × ${cpu}, load ${loadavg()[0]?.toFixed(1)}; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; fake-indexeddb`);
console.log("");
console.log("| activities in the log | stamp (median ms) | pending count (median ms) | pending | read the queue (ms) |");
console.log("| ---: | ---: | ---: | ---: | ---: |");
for (const [n, r] of [[0, empty], [activities, full]] as const) {
  console.log(`| ${n.toLocaleString("en-US")} | ${r.stamp.toFixed(2)} | ${r.pending.toFixed(2)} | ${r.pendingCount} | ${r.queue.toFixed(1)} |`);
}
}

void main();
