import type { Page } from "playwright-core";
import { z } from "zod";

/**
 * Two measures axe cannot take: touch targets of at least 44×44 CSS px (WCAG 2.5.5, what a thumb
 * needs), and a layout that still fits at 200 % text zoom (WCAG 1.4.4 / 1.4.10: no sideways scroll,
 * no label cut off in a button).
 */

export const MIN_TARGET_PX = 44;

const smallTargetSchema = z.array(
  z.object({ name: z.string(), tag: z.string(), width: z.number(), height: z.number() }),
);
export type SmallTarget = z.infer<typeof smallTargetSchema>[number];

/**
 * Visible interactive elements smaller than 44×44 px. A checkbox or radio counts with its label (a tap
 * on the label ticks it). The only exception kept is WCAG's inline one: a link inside a sentence, whose
 * size the line of text sets. WCAG 2.2's spacing exception is not taken: the issue asks every target to
 * be 44 px, and a small target with space around it is still hard to hit for a shaky thumb.
 */
export async function smallTouchTargets(page: Page): Promise<SmallTarget[]> {
  const raw = await page.evaluate((min) => {
    const selector = [
      "a[href]",
      "button",
      "input:not([type=hidden])",
      "select",
      "textarea",
      "summary",
      "[role=button]",
      "[role=link]",
      "[role=checkbox]",
      "[role=radio]",
      "[role=switch]",
      "[role=tab]",
      "[role=option]",
    ].join(",");
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      if (element.closest("[aria-hidden=true], [inert]")) return false;
      return element.checkVisibility({ opacityProperty: false, visibilityProperty: true });
    };
    const nameOf = (element: Element): string => {
      const labelled = element.getAttribute("aria-labelledby");
      const fromIds = labelled
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
      const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
      const text =
        element.getAttribute("aria-label") ??
        fromIds ??
        (labels.map((label) => label.textContent).join(" ") ||
          element.textContent ||
          element.getAttribute("title") ||
          element.getAttribute("placeholder") ||
          "");
      return text.replace(/\s+/g, " ").trim().slice(0, 80) || "(không tên)";
    };
    /** The area a tap activates: the control, or its label when that is larger. */
    const targetBox = (element: Element): DOMRect => {
      let best = element.getBoundingClientRect();
      const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
      for (const label of labels) {
        const box = label.getBoundingClientRect();
        if (box.width * box.height > best.width * best.height) best = box;
      }
      return best;
    };
    const inSentence = (element: Element) => {
      if (element.tagName !== "A" || getComputedStyle(element).display !== "inline") return false;
      const parentText = element.parentElement?.textContent?.trim() ?? "";
      return parentText.length > (element.textContent?.trim().length ?? 0);
    };
    const elements = [...document.querySelectorAll(selector)].filter(
      (element) => shown(element) && !(element as HTMLElement).closest("[disabled]"),
    );
    // A control inside another target (an input in a clickable label row…) is measured as that one.
    const targets = elements
      .filter((element) => !elements.some((other) => other !== element && other.contains(element)))
      .map((element) => ({ element, box: targetBox(element) }));
    return targets
      .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
      .filter(({ element }) => !inSentence(element))
      .map(({ element, box }) => ({
        name: nameOf(element),
        tag: element.tagName.toLowerCase(),
        width: Math.round(box.width),
        height: Math.round(box.height),
      }));
  }, MIN_TARGET_PX);
  return smallTargetSchema.parse(raw);
}

export function describeSmallTargets(screenName: string, targets: SmallTarget[]): string {
  const lines = targets.map((t) => `  - ${t.tag} “${t.name}”: ${t.width}×${t.height} px`);
  return `${screenName}: ${targets.length} touch target(s) under ${MIN_TARGET_PX}×${MIN_TARGET_PX} px\n${lines.join("\n")}`;
}

const zoomProblemsSchema = z.object({
  scrollWidth: z.number(),
  clientWidth: z.number(),
  clipped: z.array(z.string()),
});
export type ZoomProblems = z.infer<typeof zoomProblemsSchema>;

/**
 * At the current viewport: how far the page scrolls sideways, and every piece of text that is cut
 * (overflow hidden or an ellipsis: buttons, labels, titles…) or that runs past the screen's edge.
 * Text boxes count too: a select's chosen option (by its longest word when the select wraps) and an
 * empty input's placeholder, measured in the box's own font against the width inside its padding. A
 * typed value is left out: the caret moves through it, as it does in any text box; a textarea wraps.
 */
export async function zoomProblems(page: Page): Promise<ZoomProblems> {
  const raw = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const clipped: string[] = [];
    const ownText = (element: Element) =>
      [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? "")
        .join("")
        .replace(/\s+/g, " ")
        .trim();
    for (const element of document.body.querySelectorAll("*")) {
      const text = ownText(element);
      if (text === "" || element.closest("[aria-hidden=true], input, select, textarea")) continue;
      const box = element.getBoundingClientRect();
      // Visually hidden text (1 px, clipped) is for screen readers and cannot be cut.
      if (box.width <= 1 || box.height <= 1 || !element.checkVisibility()) continue;
      const label = `“${text.slice(0, 50)}”`;
      if (box.right > window.innerWidth + 1 || box.left < -1) {
        clipped.push(`${label} runs past the screen (${Math.round(box.left)}–${Math.round(box.right)} px)`);
        continue;
      }
      const style = getComputedStyle(element);
      // Words broken a letter or two a line: a column squeezed by its neighbours.
      const fontSize = Number.parseFloat(style.fontSize);
      if (text.length >= 6 && box.width < 3 * fontSize && box.height > 4 * fontSize) {
        clipped.push(`${label} is squeezed into ${Math.round(box.width)} px`);
        continue;
      }
      const hidesX = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
      if (hidesX && element.scrollWidth > element.clientWidth + 1) {
        clipped.push(`${label} is cut (${element.scrollWidth} px of text in ${element.clientWidth} px)`);
      } else if (style.overflowY !== "visible" && element.scrollHeight > element.clientHeight + 1) {
        // A line clamp ("…" after n lines) hides the rest below.
        clipped.push(`${label} is cut (${element.scrollHeight} px of lines in ${element.clientHeight} px)`);
      }
    }
    // An input or select cannot wrap, and its scrollWidth ignores the placeholder: measure the text.
    const ruler = document.createElement("canvas").getContext("2d");
    const fontOf = (style: CSSStyleDeclaration) =>
      `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const singleLine = document.body.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      "select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=range])",
    );
    for (const control of singleLine) {
      if (!ruler || control.closest("[aria-hidden=true]") || !control.checkVisibility()) continue;
      const box = control.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const isSelect = control instanceof HTMLSelectElement;
      if (!isSelect && control.value !== "") continue;
      const text = isSelect ? (control.selectedOptions[0]?.text ?? "") : control.placeholder;
      if (text.trim() === "") continue;
      const own = getComputedStyle(control);
      ruler.font = fontOf(getComputedStyle(control, isSelect ? null : "::placeholder"));
      // A select drawn with appearance: none wraps its text (Chromium); then each word must fit.
      const wraps = isSelect && own.appearance === "none" && !/nowrap|pre/.test(own.whiteSpace);
      const pieces = wraps ? text.split(/\s+/) : [text];
      const needed = Math.max(...pieces.map((piece) => ruler.measureText(piece).width));
      const inside =
        control.clientWidth - Number.parseFloat(own.paddingLeft) - Number.parseFloat(own.paddingRight);
      if (needed > inside + 1) {
        const what = isSelect ? "chosen option" : "placeholder";
        clipped.push(
          `${what} “${text.slice(0, 50)}” is cut (${Math.round(needed)} px of text in ${Math.round(inside)} px)`,
        );
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, clipped };
  });
  return zoomProblemsSchema.parse(raw);
}

/** 390 CSS px at 200 % zoom is a 195 px wide layout viewport; the screenshot stays phone-sized. */
export const ZOOMED_VIEWPORT = { width: 195, height: 422 } as const;
/** The same width, three screens tall: one screenshot shows what a zoomed reader scrolls through. */
export const ZOOMED_TALL_VIEWPORT = { width: 195, height: 1266 } as const;

export function describeZoomProblems(screenName: string, problems: ZoomProblems): string[] {
  const found: string[] = [];
  if (problems.scrollWidth > problems.clientWidth)
    found.push(`scrolls sideways (${problems.scrollWidth} px of content in ${problems.clientWidth} px)`);
  found.push(...problems.clipped);
  return found.map((line) => `${screenName} at 200 %: ${line}`);
}

/**
 * The screen's h1s as a screen reader finds them (visible, not hidden from it). Exactly one names the
 * screen; the zmp-ui title bar is not a heading, so each page carries its own.
 */
export async function levelOneHeadings(page: Page): Promise<string[]> {
  const raw = await page.evaluate(() =>
    [...document.querySelectorAll("h1, [role=heading][aria-level='1']")]
      .filter((element) => !element.closest("[aria-hidden=true], [inert]") && element.checkVisibility())
      .map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim()),
  );
  return z.array(z.string()).parse(raw);
}
