/**
 * Group commit: concurrent callers' writes share one database round trip and one commit.
 *
 * The first write goes out at once (nothing waits on a timer). While a flush is in flight, later writes
 * queue; when it settles, everything queued goes out together, up to `maxBatch` items at a time. Under
 * load, batches grow to whatever arrived during one round trip; an idle server still writes each item
 * alone, with no added latency. One flush is in flight at a time per batcher, so a node never races
 * itself for the same rows, and the number of database connections ingest uses stays at one.
 */

export interface GroupCommitOptions<T, R> {
  /** Writes one batch; resolves with one result per item, in the items' order. */
  flush: (items: readonly T[]) => Promise<readonly R[]>;
  /** Most items in one flush (bounds the statement's size and one batch's latency). */
  maxBatch: number;
  /**
   * True when a failed batch should be retried item by item, so one bad item fails only its own
   * caller (e.g. a row the database rejects). Otherwise, and always for a batch of one, the error
   * fails every caller of the batch.
   */
  retryAlone?: (error: unknown) => boolean;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Returns `write(item)`, which resolves with that item's own result once its batch is written. */
export function groupCommit<T, R>(options: GroupCommitOptions<T, R>): (item: T) => Promise<R> {
  const { flush, maxBatch, retryAlone } = options;
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError("maxBatch must be ≥ 1");
  let queue: Waiting<T, R>[] = [];
  let flushing = false;

  // A predicate that throws must not leave callers waiting forever: treat it as "no".
  const isolate = (error: unknown): boolean => {
    try {
      return retryAlone?.(error) === true;
    } catch {
      return false;
    }
  };

  /** Writes one batch and settles each caller; never rejects. */
  const settle = async (batch: Waiting<T, R>[]): Promise<void> => {
    let results: readonly R[];
    try {
      results = await flush(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) {
        throw new Error(`group commit: flush returned ${results.length} results for ${batch.length} items`);
      }
    } catch (error) {
      if (batch.length > 1 && isolate(error)) {
        // One after another: still one flush in flight, and this path is rare.
        for (const waiting of batch) await settle([waiting]);
      } else {
        for (const waiting of batch) waiting.reject(error);
      }
      return;
    }
    for (const [index, waiting] of batch.entries()) waiting.resolve(results[index] as R);
  };

  const drain = async (): Promise<void> => {
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(maxBatch);
        await settle(batch);
      }
    } finally {
      flushing = false;
    }
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // settle() never rejects (every failure goes to its callers), so neither can drain().
      if (!flushing) void drain();
    });
}
