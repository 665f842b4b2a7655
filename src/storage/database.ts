/** The add-in's IndexedDB database: local counters and the activity log, opened on an injected factory. */
import { wrap } from "idb";
import type { DBSchema, IDBPDatabase } from "idb";
import type { Activity } from "./ports";

export const DEFAULT_DATABASE_NAME = "tracking-tokens";
const DATABASE_VERSION = 1;

export type CounterRecord = { readonly name: string; readonly value: unknown };

export interface TrackingDatabaseSchema extends DBSchema {
  counters: { key: string; value: CounterRecord };
  activities: { key: string; value: Activity; indexes: { draftKey: string; stampedAt: number } };
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
  };
  const db = (await wrap(request)) as unknown as TrackingDatabase;
  // Another tab upgrading the schema must not wait on us forever: step aside.
  db.addEventListener("versionchange", () => db.close());
  return db;
}

/** indexedDB when this environment has it; read at call time, never at import. */
export function environmentIndexedDb(): IDBFactory | undefined {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  return factory && typeof factory.open === "function" ? factory : undefined;
}
