/**
 * The baselines the HTTP rows are compared with: bare Hono routes on the same Node and adapter, no
 * middleware, no database. GET /bare answers at once; POST /ingest reads and JSON-parses the body it is
 * sent (the webhook row sends it the same signed Zalo events), so that row's ratio is what signature
 * checking, validation and durable storage add. Run as its own process; prints its port on stdout.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono()
  .get("/bare", (c) => c.json({ ok: true }))
  .post("/ingest", async (c) => {
    const event: unknown = JSON.parse(await c.req.text());
    return c.json({ ok: typeof event === "object" });
  });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
