import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CHOSEN_COMMUNE_KEY, useChosenCommune } from "./use-chosen-commune";

describe("useChosenCommune", () => {
  it("stores the choice under a versioned key and updates every mounted user of the hook", () => {
    const picker = renderHook(() => useChosenCommune());
    const banner = renderHook(() => useChosenCommune());
    expect(banner.result.current.commune).toBeNull();

    act(() => picker.result.current.choose({ code: "00292", name: "Phường Bạch Mai" }));

    expect(banner.result.current.commune).toEqual({ code: "00292", name: "Phường Bạch Mai" });
    expect(window.localStorage.getItem(CHOSEN_COMMUNE_KEY)).toBe('{"code":"00292","name":"Phường Bạch Mai"}');
  });
});
