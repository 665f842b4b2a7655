/** Typed errors of the local storage. */

/**
 * A stored counter is not a whole number of at least 0. Numbering stops rather than restart at 1,
 * which would repeat tokens already sent.
 */
export class CounterCorruptError extends Error {
  override name = "CounterCorruptError";
  constructor(
    readonly counterName: string,
    readonly found: unknown,
    where = "this device's local counter store",
  ) {
    super(
      `The counter "${counterName}" in ${where} holds ${describeFound(found)}, not a whole number of at least 0. ` +
        "New tokens are stopped so that no number repeats. Ask your admin to set it to the last number used " +
        "(for example from your Sent Items), or clear the add-in's data and raise counter digits.",
    );
  }
}

/** IndexedDB failed to read or write (quota, a closed connection, a blocked upgrade). */
export class CounterStoreError extends Error {
  override name = "CounterStoreError";
}

function describeFound(found: unknown): string {
  if (found === undefined) return "nothing readable";
  try {
    const text = JSON.stringify(found);
    if (text === undefined) return String(found);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(found);
  }
}
