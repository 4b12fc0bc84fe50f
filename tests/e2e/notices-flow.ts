import type { Page } from "playwright-core";
import { SEEDED_GROUPS } from "../../bot-server/src/zalo-sandbox/oa-groups-repo";
import { settle } from "./filing-flow";
import { DEMO_OFFICER_PASSWORD } from "./officer-desk";

/** What the notices e2e test (issue 13) needs besides the screens it walks. */

/** The sandbox OA's seeded group of Phường Ba Đình's residents (zalo-sandbox/oa-groups-repo.ts). */
export const BA_DINH_GROUP = (() => {
  const group = SEEDED_GROUPS.find((g) => g.name.startsWith("Tổ dân phố"));
  if (!group) throw new Error("the sandbox seeds no residents' group");
  return group;
})();

/**
 * Assigns a group of the registry to a commune as the province admin (admin.hanoi), over the officer API:
 * the registry's setup, not what the test is about. The sandbox server syncs its seeded groups into the
 * registry just after it starts listening, so this waits for the group to be there.
 */
export async function assignGroupAsAdmin(
  baseUrl: string,
  groupId: string,
  communeCode: string,
): Promise<void> {
  const signIn = await fetch(`${baseUrl}/api/officer/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin.hanoi", password: DEMO_OFFICER_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`admin sign-in: HTTP ${signIn.status}`);
  const { token } = (await signIn.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await fetch(`${baseUrl}/api/officer/groups/${encodeURIComponent(groupId)}/commune`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ communeCode }),
    });
    if (answer.status === 200) return;
    // 404 until the start-up sync has put the group in the registry.
    if (answer.status !== 404 || Date.now() > deadline)
      throw new Error(`assigning group ${groupId}: HTTP ${answer.status} ${await answer.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The Mini App's sandbox sign-in (outside Zalo): a new citizen of this name. */
export async function sandboxSignIn(page: Page, citizenName: string): Promise<void> {
  await page.getByRole("heading", { name: "Đăng nhập thử (sandbox)" }).waitFor();
  await settle(page);
  await page.getByLabel("Họ và tên").fill(citizenName);
  await page.getByRole("button", { name: "Tạo và đăng nhập" }).click();
  await page.getByRole("heading", { name: "Đăng nhập thử (sandbox)" }).waitFor({ state: "detached" });
}
