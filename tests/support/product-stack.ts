import { openPhone, type PhoneBrowser } from "./browser";
import { databaseForServer, type ServerDatabase } from "./database";
import { type ServerProcess, startServerProcess } from "./server-process";

/** What an end-to-end test runs against: its own database, the real server process over it. */
export interface Product {
  database: ServerDatabase;
  server: ServerProcess;
}

/** The product on a fresh database, started as `npm start` would start it. */
export async function startProduct(): Promise<Product> {
  const database = await databaseForServer();
  const server = await startServerProcess({ env: database.env, dataDir: database.dataDir });
  return { database, server };
}

/** The product and a phone-sized Chromium to use it with. */
export async function startProductOnPhone(
  chromiumPath: string | undefined,
): Promise<Product & { phone: PhoneBrowser }> {
  const product = await startProduct();
  return { ...product, phone: await openPhone(chromiumPath ?? "") };
}

/** Stops what a test started, whatever of it did start (a failed beforeAll leaves some undefined). */
export async function stopProduct(started: {
  phone?: PhoneBrowser | undefined;
  server?: ServerProcess | undefined;
  database?: ServerDatabase | undefined;
}): Promise<void> {
  await started.phone?.close();
  await started.server?.stop();
  await started.database?.drop();
}
