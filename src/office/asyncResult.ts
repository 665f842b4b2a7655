/**
 * The one place where Office's callback style becomes promises (as idb does for IndexedDB).
 * Never throws inside an Office callback: nothing up the stack could catch it.
 */

/** An Office operation failed: carries Office's own error code and name. */
export class OfficeError extends Error {
  override name = "OfficeError";
  constructor(
    message: string,
    /** Office's numeric code (e.g. 9019, 9057) or its name when the host gives no number. */
    readonly code: number | string,
    /** Office's error name, e.g. "DataExceedsMaximumSize". */
    readonly officeName: string,
  ) {
    super(message);
  }
}

/** The subset of Office.AsyncResult this helper reads; lets tests and the playground pass plain objects. */
export type AsyncResultLike<T> = {
  status: Office.AsyncResultStatus | "succeeded" | "failed";
  value: T;
  error?: { code: number | string; name: string; message: string } | null;
};

type Callback<T> = (result: AsyncResultLike<T>) => void;

/**
 * Runs an Office async method and resolves with its value, or rejects with an OfficeError.
 * `start` receives the callback to hand to Office; a synchronous throw from it (e.g. an API the
 * host lacks) rejects too.
 */
export function fromAsyncResult<T>(start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (String(result.status) === "succeeded") {
          resolve(result.value);
          return;
        }
        const error = result.error;
        reject(
          new OfficeError(
            error?.message || "Office reported a failure without a message.",
            error?.code ?? "unknown",
            error?.name ?? "Unknown",
          ),
        );
      });
    } catch (cause) {
      reject(cause instanceof Error ? cause : new Error(String(cause)));
    }
  });
}
