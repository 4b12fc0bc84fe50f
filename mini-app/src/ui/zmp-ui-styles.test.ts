import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..");
const ZMP_UI = join(import.meta.dirname, "..", "..", "..", "node_modules", "zmp-ui");
const COMPONENTS = join(ZMP_UI, "esm", "components");

/** The zmp-ui names the app imports that are hooks or router parts, by the component folder they live in. */
const FOLDER_OF: Record<string, string> = {
  AnimationRoutes: "router",
  Route: "router",
  ZMPRouter: "router",
  useNavigate: "router",
  useLocation: "router",
  useParams: "router",
  useSnackbar: "snackbar-provider",
  SnackbarProvider: "snackbar-provider",
};

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      // The sandbox page is its own build with the whole zaui.css.
      if (entry !== "sandbox-page") yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(entry) && !entry.includes(".test.")) yield path;
  }
}

/** Component folders the app's sources import from "zmp-ui" (Button → button, Input → input…). */
function importedFolders(): Set<string> {
  const folders = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, "utf8").matchAll(/import\s*\{([^}]*)\}\s*from\s*"zmp-ui"/g)) {
      for (const raw of (match[1] ?? "").split(",")) {
        const name =
          raw
            .replace(/\btype\b/, "")
            .split(" as ")[0]
            ?.trim() ?? "";
        if (name === "") continue;
        const kebab = name.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
        const folder = FOLDER_OF[name] ?? kebab;
        if (!existsSync(join(COMPONENTS, folder))) throw new Error(`zmp-ui: no folder for ${name}`);
        folders.add(folder);
      }
    }
  }
  return folders;
}

/** The component folders a component's code imports ("../icon"), followed to the end. */
function withRenderedComponents(folders: Set<string>): Set<string> {
  const all = new Set(folders);
  const queue = [...folders];
  for (let folder = queue.pop(); folder !== undefined; folder = queue.pop()) {
    const dir = join(COMPONENTS, folder);
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".js") || file.includes(".stories.")) continue;
      for (const match of readFileSync(join(dir, file), "utf8").matchAll(/from\s*["']\.\.\/([a-z-]+)/g)) {
        const used = match[1] ?? "";
        if (existsSync(join(COMPONENTS, used)) && !all.has(used)) {
          all.add(used);
          queue.push(used);
        }
      }
    }
  }
  return all;
}

describe("zmp-ui styles on the first load", () => {
  it("include every component the app uses or that those render", () => {
    const listed = readFileSync(join(import.meta.dirname, "zmp-ui-styles.ts"), "utf8");
    const needed = [...withRenderedComponents(importedFolders())].filter((folder) =>
      existsSync(join(ZMP_UI, folder, "styles", `${folder}.css`)),
    );
    expect(needed).toContain("button");
    const missing = needed.filter((folder) => !listed.includes(`"zmp-ui/${folder}/styles/${folder}.css"`));
    expect(missing).toEqual([]);
  });

  it("list them in zaui.css's order, so the cascade is the one zmp-ui was made with", () => {
    const listed = [
      ...readFileSync(join(import.meta.dirname, "zmp-ui-styles.ts"), "utf8").matchAll(
        /"zmp-ui\/([a-z-]+)\/styles\/[a-z-]+\.css"/g,
      ),
    ].map((match) => match[1] ?? "");
    expect(listed[0]).toBe("portal");
    const full = readFileSync(join(ZMP_UI, "zaui.min.css"), "utf8");
    const base = readFileSync(join(ZMP_UI, "portal", "styles", "portal.css"), "utf8");
    const positions = listed.slice(1).map((folder) => {
      const own = readFileSync(join(ZMP_UI, folder, "styles", `${folder}.css`), "utf8").slice(base.length);
      return full.indexOf(own.slice(0, 200));
    });
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
