/**
 * The baseline every HTTP row is compared with: a bare Hono route on the same Node and adapter, no
 * middleware, no database. Run as its own process; prints its port on stdout.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono().get("/bare", (c) => c.json({ ok: true }));
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
