import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { z } from "zod";

/**
 * axe-core run in the page under test, against WCAG 2.2 AA (the level GOV.UK holds its services to).
 * The source is evaluated through the DevTools protocol rather than added as a <script>: the app's
 * Content-Security-Policy rightly refuses inline scripts, and the check must not need it relaxed.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;
/**
 * Best-practice rules run besides the WCAG ones, and held to as strictly as a serious violation: a
 * screen reader user jumps to the h1 to learn where they are (the title bar is not a heading).
 */
export const REQUIRED_BEST_PRACTICES = ["page-has-heading-one"] as const;

/** A rule switched off for some selectors only, with the reason it cannot be fixed in our code. */
export interface AxeExemption {
  rule: string;
  /** A CSS selector; matching nodes are left out of that rule's results. */
  selector: string;
  why: string;
}

const violationSchema = z.object({
  id: z.string(),
  impact: z.enum(["minor", "moderate", "serious", "critical"]).nullable().optional(),
  help: z.string(),
  helpUrl: z.string(),
  nodes: z.array(
    z.object({
      target: z.array(z.unknown()),
      failureSummary: z.string().optional(),
      html: z.string(),
    }),
  ),
});
export type AxeViolation = z.infer<typeof violationSchema>;

async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => "axe" in window);
  if (!present) await page.evaluate(AXE_SOURCE);
}

/**
 * Waits for the page's running animations and transitions that end (a toast fading out, a sheet sliding
 * in): halfway through, colours are blends that no one reads, and axe would measure their contrast.
 */
export async function finishAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => {
          const timing = animation.effect?.getComputedTiming();
          return animation.playState === "running" && timing?.iterations !== Number.POSITIVE_INFINITY;
        })
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** Every violation of the WCAG 2.2 AA rules (and the required best practices) on the page as it is now, exemptions left out. */
export async function axeViolations(page: Page, exemptions: AxeExemption[] = []): Promise<AxeViolation[]> {
  await finishAnimations(page);
  await injectAxe(page);
  const raw = await page.evaluate(
    async ({ tags, extra, exempt }) => {
      const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const result = await axe.run(document, {
        runOnly: { type: "tag", values: tags },
        rules: Object.fromEntries(extra.map((id) => [id, { enabled: true }])),
        resultTypes: ["violations"],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes
          .filter((node) => {
            const element = document.querySelector(String(node.target[node.target.length - 1]));
            return !exempt.some((rule) => rule.rule === violation.id && element?.matches(rule.selector));
          })
          .map((node) => ({ target: node.target, failureSummary: node.failureSummary, html: node.html })),
      }));
    },
    {
      tags: [...WCAG_TAGS],
      extra: [...REQUIRED_BEST_PRACTICES],
      exempt: exemptions.map(({ rule, selector }) => ({ rule, selector })),
    },
  );
  return z
    .array(violationSchema)
    .parse(raw)
    .filter((violation) => violation.nodes.length > 0);
}

const isSerious = (violation: AxeViolation) =>
  violation.impact === "serious" ||
  violation.impact === "critical" ||
  (REQUIRED_BEST_PRACTICES as readonly string[]).includes(violation.id);

/** One readable block per violation: rule, impact, what to do, and each offending element. */
export function describeViolations(screenName: string, violations: AxeViolation[]): string {
  const blocks = violations.map((violation) => {
    const nodes = violation.nodes.map((node) => {
      const summary = (node.failureSummary ?? "").split("\n").slice(1).join(" ").trim();
      return `    - ${node.target.join(" ")}\n      ${node.html.slice(0, 160)}\n      ${summary}`;
    });
    return `  [${violation.impact ?? "?"}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join("\n")}`;
  });
  return `${screenName}: ${violations.length} axe violation(s)\n${blocks.join("\n")}`;
}

/** Fails with the list when any violation on the page is serious or critical, or breaks a required best practice. */
export async function expectNoSeriousViolations(
  page: Page,
  screenName: string,
  exemptions: AxeExemption[] = [],
): Promise<void> {
  const serious = (await axeViolations(page, exemptions)).filter(isSerious);
  if (serious.length > 0) throw new Error(describeViolations(screenName, serious));
}
