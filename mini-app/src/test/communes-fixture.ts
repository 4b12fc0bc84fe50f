import type { CommuneSummary } from "@dvc/shared";
import { HttpResponse, http } from "msw";

function commune(code: string, name: string, matchedOldNames: string[] = []): CommuneSummary {
  return { code, name, type: name.startsWith("Xã") ? "Xã" : "Phường", provinceCode: "01", matchedOldNames };
}

/** A few real Hà Nội communes (codes and old names as in the seed data). */
export const ALL_COMMUNES = [
  commune("00004", "Phường Ba Đình"),
  commune("00292", "Phường Bạch Mai"),
  commune("00082", "Phường Cửa Nam"),
  commune("04930", "Xã Sóc Sơn"),
];

/** What the server answers for the queries the tests type (it folds diacritics; the fixture need not). */
const ANSWERS: Record<string, CommuneSummary[]> = {
  "bach mai": [commune("00292", "Phường Bạch Mai", ["Phường Bạch Mai (Quận Hai Bà Trưng)"])],
  "hang bai": [commune("00082", "Phường Cửa Nam", ["Phường Hàng Bài (Quận Hoàn Kiếm)"])],
};

/** msw handler for GET /api/units/communes; records each `q` it was asked (null when absent). */
export function communesHandler(asked: (string | null)[] = []) {
  return http.get("*/api/units/communes", ({ request }) => {
    const q = new URL(request.url).searchParams.get("q");
    asked.push(q);
    return HttpResponse.json({ communes: q === null ? ALL_COMMUNES : (ANSWERS[q] ?? []) });
  });
}

/** msw handler for GET /api/units/communes/:code (the wizard reads the chosen commune's province). */
export function communeDetailHandler() {
  return http.get("*/api/units/communes/:code", ({ params }) => {
    const found = ALL_COMMUNES.find((c) => c.code === params.code);
    return found
      ? HttpResponse.json({ ...found, provinceName: "Hà Nội", predecessors: [] })
      : HttpResponse.json({ code: "NOT_FOUND", message: "Không tìm thấy", requestId: "r" }, { status: 404 });
  });
}
