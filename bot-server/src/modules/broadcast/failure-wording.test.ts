import { describe, expect, it } from "vitest";
import { failureReasonText, maskedFollower } from "./failure-wording";

describe("the report's wording", () => {
  it("words the engine's reason codes in Vietnamese, a known Zalo code before its kind", () => {
    expect(failureReasonText("expired")).toMatch(/Hết hạn/);
    expect(failureReasonText("outside_window:-230")).toMatch(/7 ngày/);
    expect(failureReasonText("rejected:-237")).toMatch(/GMF/);
    expect(failureReasonText("something_new:-999")).toMatch(/thử gửi lại/);
  });

  it("shows a follower by the last four digits of their OA id only", () => {
    expect(maskedFollower("2468458835296194821")).toBe("Người theo dõi …4821");
  });
});
