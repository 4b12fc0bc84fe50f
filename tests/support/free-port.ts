import { createServer } from "node:net";

/** Ports handed out by this process, so two callers racing in one worker never get the same one. */
const handedOut = new Set<number>();

/**
 * A TCP port nobody listens on right now (the OS picks it, then we release it). Another process could
 * still take it before the caller binds; callers that can retry on EADDRINUSE should.
 */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.once("error", reject);
      server.listen({ port: 0, host, exclusive: true }, () => {
        const address = server.address();
        const chosen = typeof address === "object" && address ? address.port : 0;
        server.close(() => resolve(chosen));
      });
    });
    if (port > 0 && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error("freePort: could not find a free TCP port");
}
