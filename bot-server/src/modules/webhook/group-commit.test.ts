import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

/** A flush whose batches the test settles by hand, recording what each batch held. */
function manualFlush<T, R>() {
  const batches: {
    items: readonly T[];
    resolve(results: readonly R[]): void;
    reject(error: unknown): void;
  }[] = [];
  const flush = (items: readonly T[]) =>
    new Promise<readonly R[]>((resolve, reject) => {
      batches.push({ items, resolve, reject });
    });
  return { batches, flush };
}

/** Lets settled promises run their continuations (drain's loop, the callers' then). */
const tick = () => new Promise((resolve) => setImmediate(resolve));

const double = async (items: readonly number[]) => items.map((item) => item * 2);

describe("groupCommit", () => {
  it("flushes the first write at once, with no timer", () => {
    const { batches, flush } = manualFlush<string, boolean>();
    const write = groupCommit({ flush, maxBatch: 10 });
    void write("a");
    // Synchronously inside write(): nothing waits for a tick or a timer.
    expect(batches.map((batch) => batch.items)).toEqual([["a"]]);
  });

  it("collects writes made while a flush is in flight into the next batch", async () => {
    const { batches, flush } = manualFlush<string, string>();
    const write = groupCommit({ flush, maxBatch: 10 });
    const first = write("a");
    const later = [write("b"), write("c"), write("d")];
    expect(batches).toHaveLength(1);
    batches[0]?.resolve(["A"]);
    await tick();
    expect(batches.map((batch) => batch.items)).toEqual([["a"], ["b", "c", "d"]]);
    batches[1]?.resolve(["B", "C", "D"]);
    expect(await first).toBe("A");
    expect(await Promise.all(later)).toEqual(["B", "C", "D"]);
  });

  it("caps a batch at maxBatch and writes the rest in the batches after it", async () => {
    const seen: number[][] = [];
    const write = groupCommit({
      flush: (items: readonly number[]) => {
        seen.push([...items]);
        return double(items);
      },
      maxBatch: 2,
    });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((item) => write(item)));
    expect(results).toEqual([2, 4, 6, 8, 10, 12]);
    expect(seen).toEqual([[1], [2, 3], [4, 5], [6]]);
  });

  it("writes at once again after going idle", async () => {
    const seen: number[][] = [];
    const write = groupCommit({
      flush: (items: readonly number[]) => {
        seen.push([...items]);
        return double(items);
      },
      maxBatch: 10,
    });
    expect(await write(1)).toBe(2);
    expect(await write(2)).toBe(4);
    expect(seen).toEqual([[1], [2]]);
  });

  it("fails every caller of a failed batch, and only them", async () => {
    const { batches, flush } = manualFlush<string, string>();
    const write = groupCommit({ flush, maxBatch: 10 });
    const first = write("a");
    const second = [write("b"), write("c")];
    const outage = new Error("connection terminated");
    batches[0]?.resolve(["A"]);
    await tick();
    batches[1]?.reject(outage);
    await expect(first).resolves.toBe("A");
    for (const failed of second) await expect(failed).rejects.toBe(outage);
    const third = write("d");
    expect(batches[2]?.items).toEqual(["d"]);
    batches[2]?.resolve(["D"]);
    await expect(third).resolves.toBe("D");
  });

  it("retries a batch item by item when retryAlone says so: only the bad item fails", async () => {
    const bad = Object.assign(new Error("unsupported Unicode escape sequence"), { code: "22P05" });
    const seen: string[][] = [];
    const write = groupCommit({
      flush: async (items: readonly string[]) => {
        seen.push([...items]);
        if (items.includes("poison")) throw bad;
        return items.map((item) => item.toUpperCase());
      },
      maxBatch: 10,
      retryAlone: (error) => (error as { code?: string }).code === "22P05",
    });
    const first = write("a");
    const rest = ["b", "poison", "c"].map((item) => write(item));
    expect(await first).toBe("A");
    const settled = await Promise.allSettled(rest);
    expect(settled.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(settled[1]).toEqual({ status: "rejected", reason: bad });
    expect(seen).toEqual([["a"], ["b", "poison", "c"], ["b"], ["poison"], ["c"]]);
  });

  it("does not retry when retryAlone says no, nor a batch of one", async () => {
    let flushes = 0;
    const outage = new Error("connection terminated");
    const write = groupCommit({
      flush: async (_items: readonly string[]): Promise<string[]> => {
        flushes += 1;
        throw outage;
      },
      maxBatch: 10,
      retryAlone: (error) => error !== outage,
    });
    const settled = await Promise.allSettled(["a", "b", "c"].map((item) => write(item)));
    expect(settled.every((result) => result.status === "rejected")).toBe(true);
    // ["a"] alone, then ["b", "c"] together: two flushes, no retries.
    expect(flushes).toBe(2);
  });

  it("fails the batch, not forever, when retryAlone itself throws", async () => {
    const outage = new Error("connection terminated");
    const write = groupCommit({
      flush: async (_items: readonly string[]): Promise<string[]> => {
        throw outage;
      },
      maxBatch: 10,
      retryAlone: () => {
        throw new Error("bug in the predicate");
      },
    });
    const settled = await Promise.allSettled(["a", "b", "c"].map((item) => write(item)));
    expect(settled).toEqual(Array(3).fill({ status: "rejected", reason: outage }));
  });

  it("fails the batch when flush answers a different number of results", async () => {
    const write = groupCommit({ flush: async () => ["only one"], maxBatch: 10 });
    const first = write("a");
    const rest = [write("b"), write("c")];
    await expect(first).resolves.toBe("only one");
    for (const failed of rest) await expect(failed).rejects.toThrow(/2 items/);
  });

  it("fails a flush that throws synchronously like one that rejects", async () => {
    const write = groupCommit<string, string>({
      flush: () => {
        throw new Error("boom");
      },
      maxBatch: 10,
    });
    await expect(write("a")).rejects.toThrow("boom");
  });

  it("refuses a maxBatch below 1", () => {
    expect(() => groupCommit({ flush: double, maxBatch: 0 })).toThrow(RangeError);
  });
});
