/** The add-in's IndexedDB database: local counters and the activity log, opened on an injected factory. */
import { wrap } from "idb";
import type { DBSchema, IDBPDatabase } from "idb";
import type { Activity } from "./ports";

export const DEFAULT_DATABASE_NAME = "tracking-tokens";
/** Version 2 (activity lives): the `pending` index and a status on every activity; see upgrade. */
export const DATABASE_VERSION = 2;

export type CounterRecord = { readonly name: string; readonly value: unknown };

/**
 * An activity as stored: `pending: 1` while unsynced, absent once synced. IndexedDB indexes only
 * records that have the key (booleans are not keys), so the `pending` index holds just the queue and
 * counting it does not read the log.
 */
export type StoredActivity = Activity & { readonly pending?: 1 };

export interface TrackingDatabaseSchema extends DBSchema {
  counters: { key: string; value: CounterRecord };
  activities: { key: string; value: StoredActivity; indexes: { draftKey: string; stampedAt: number; pending: number } };
}

export type TrackingDatabase = IDBPDatabase<TrackingDatabaseSchema>;

/** Opens (creating or upgrading) the database on `factory`. Rejects when IndexedDB refuses. */
export async function openTrackingDatabase(factory: IDBFactory, name: string = DEFAULT_DATABASE_NAME): Promise<TrackingDatabase> {
  const request = factory.open(name, DATABASE_VERSION);
  request.onupgradeneeded = (event) => {
    const db = request.result;
    if (event.oldVersion < 1) {
      db.createObjectStore("counters", { keyPath: "name" });
      const activities = db.createObjectStore("activities", { keyPath: "token" });
      activities.createIndex("draftKey", "draftKey");
      activities.createIndex("stampedAt", "stampedAt");
    }
    if (event.oldVersion < 2) upgradeToActivityLives(request.transaction);
  };
  const db = (await wrap(request)) as unknown as TrackingDatabase;
  // Another tab upgrading the schema must not wait on us forever: step aside.
  db.addEventListener("versionchange", () => db.close());
  return db;
}

/**
 * Version 2. Every activity already recorded is marked "sent": version 1 recorded activities at
 * stamp time and showed them as sent, and most stamped drafts were sent; marking them "issued"
 * would stop replies to real mail from finding what they answer. Unsynced ones join the index.
 */
function upgradeToActivityLives(transaction: IDBTransaction | null): void {
  if (transaction === null) return;
  const activities = transaction.objectStore("activities");
  activities.createIndex("pending", "pending");
  const cursorRequest = activities.openCursor();
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (cursor === null) return;
    const stored = cursor.value as StoredActivity;
    const upgraded: StoredActivity = { ...stored, status: stored.status ?? "sent", ...(stored.synced ? {} : { pending: 1 }) };
    cursor.update(upgraded);
    cursor.continue();
  };
}

export { environmentIndexedDb } from "./environment";
