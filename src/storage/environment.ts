/** Whether this runtime has IndexedDB: apart from database.ts, so asking does not load idb (the send handler's bundle). */

/** indexedDB when this environment has it; read at call time, never at import. */
export function environmentIndexedDb(): IDBFactory | undefined {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  return factory && typeof factory.open === "function" ? factory : undefined;
}
