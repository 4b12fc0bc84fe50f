import { describe, expect, it } from "vitest";
import { ResponseTooLargeError, readCappedJson } from "./capped-json";

describe("readCappedJson (OB-7)", () => {
  it("reads an answer within the cap", async () => {
    expect(await readCappedJson(new Response('{"error":0,"data":{"message_id":"1"}}'), 1024)).toEqual({
      error: 0,
      data: { message_id: "1" },
    });
  });

  it("refuses an answer over the cap, declared or streamed without a length", async () => {
    const big = JSON.stringify({ pad: "x".repeat(2048) });
    await expect(readCappedJson(new Response(big), 1024)).rejects.toBeInstanceOf(ResponseTooLargeError);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i += 1) controller.enqueue(new TextEncoder().encode(" ".repeat(512)));
        controller.close();
      },
    });
    await expect(readCappedJson(new Response(stream), 1024)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});
