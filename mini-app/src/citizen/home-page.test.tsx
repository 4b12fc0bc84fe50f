import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AppShell } from "../app";
import { CHOSEN_COMMUNE_KEY } from "./use-chosen-commune";

describe("home page", () => {
  it("asks for the commune when none is remembered", async () => {
    render(<AppShell />);
    expect(await screen.findByRole("heading", { name: "Dịch vụ công" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Chọn xã/phường của bạn" })).toBeTruthy();
    expect(screen.queryByTestId("chosen-commune")).toBeNull();
  });

  it("shows the remembered commune with a way to change it", async () => {
    window.localStorage.setItem(
      CHOSEN_COMMUNE_KEY,
      JSON.stringify({ code: "00082", name: "Phường Cửa Nam" }),
    );
    render(<AppShell />);
    expect((await screen.findByTestId("chosen-commune")).textContent).toBe("Phường Cửa Nam");
    expect(screen.getByText("Xã/phường của bạn:")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Đổi" })).toBeTruthy();
  });

  it("treats an unreadable stored value as no choice", async () => {
    window.localStorage.setItem(CHOSEN_COMMUNE_KEY, '{"code":"not-a-code"}');
    render(<AppShell />);
    expect(await screen.findByRole("button", { name: "Chọn xã/phường của bạn" })).toBeTruthy();
  });
});
