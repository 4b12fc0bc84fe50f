import { connect, type Socket } from "node:net";
import { type RawData, WebSocket, WebSocketServer } from "ws";

/**
 * A local WebSocket→TCP proxy like Neon's wsproxy, so the Neon driver (@neondatabase/serverless Pool)
 * can talk to a plain PostgreSQL: each WebSocket connection names its target in the query
 * (`ws://127.0.0.1:<port>/v1?address=host:port`, the form NEON_WS_PROXY / neonConfig.wsProxy produce),
 * and binary frames are piped both ways to a TCP socket.
 */

export interface WsTcpProxy {
  /** The value for NEON_WS_PROXY / openDatabase's neonWsProxy: `127.0.0.1:<port>/v1`. */
  readonly address: string;
  readonly port: number;
  /** How many WebSocket connections were piped to a target so far. */
  connectionCount(): number;
  /** Targets (`host:port`) the connections asked for, in order. */
  targets(): string[];
  /** Bytes carried client→server and server→client so far. */
  bytes(): { up: number; down: number };
  close(): Promise<void>;
}

export interface WsTcpProxyOptions {
  /** Hosts the proxy may connect to (default: loopback only, so it is no open relay). */
  allowedHosts?: string[];
  /** Listen on this port (e.g. to bring a closed proxy back at the same address); default: a free one. */
  port?: number;
}

export async function startWsTcpProxy(options: WsTcpProxyOptions = {}): Promise<WsTcpProxy> {
  const allowedHosts = new Set(options.allowedHosts ?? ["127.0.0.1", "localhost", "::1"]);
  const server = new WebSocketServer({ host: "127.0.0.1", port: options.port ?? 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const bytes = { up: 0, down: 0 };

  server.on("connection", (ws: WebSocket, request) => {
    const target = new URL(request.url ?? "/", "ws://proxy").searchParams.get("address") ?? "";
    const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(target);
    if (!match?.[1] || !match[2] || !allowedHosts.has(match[1])) {
      ws.close(1008, "address not allowed");
      return;
    }
    targets.push(target);
    const socket = connect({ host: match[1], port: Number(match[2]) });
    sockets.add(socket);
    socket.setNoDelay(true);
    // Frames the client sends before the TCP connection is up are queued by net.Socket.
    ws.on("message", (data: RawData) => {
      const chunk = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      bytes.up += chunk.length;
      socket.write(chunk);
    });
    socket.on("data", (chunk: Buffer) => {
      bytes.down += chunk.length;
      if (ws.readyState === WebSocket.OPEN) ws.send(chunk, { binary: true });
    });
    const closeBoth = () => {
      socket.destroy();
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close();
    };
    socket.on("close", closeBoth);
    socket.on("error", closeBoth);
    ws.on("close", () => {
      sockets.delete(socket);
      socket.end();
    });
    ws.on("error", closeBoth);
  });

  return {
    address: `127.0.0.1:${port}/v1`,
    port,
    connectionCount: () => targets.length,
    targets: () => [...targets],
    bytes: () => ({ ...bytes }),
    close: async () => {
      for (const client of server.clients) client.terminate();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
