import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** The baseline route of bare-server.ts, started in its own process; resolves with its port. */
export async function startBareServer(): Promise<{ port: number; pid: number; stop(): void }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL("./bare-server.ts", import.meta.url).pathname],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  const { port } = JSON.parse(firstLine) as { port: number };
  return { port, pid: child.pid ?? -1, stop: () => child.kill("SIGTERM") };
}
