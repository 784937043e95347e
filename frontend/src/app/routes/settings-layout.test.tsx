import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderWithProviders } from "@/testing/render";

import { Component as SettingsLayout } from "./settings-layout";

describe("settings navigation", () => {
  it("holds every settings screen, the current one marked", () => {
    renderWithProviders(<SettingsLayout />, { route: "/settings/security" });
    const nav = screen.getByRole("navigation", { name: "Settings" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Profile", "/settings"],
      ["Security", "/settings/security"],
      ["Notifications", "/settings/notifications"],
      ["Collections", "/settings/collections"],
      ["Account", "/settings/account"],
    ]);
    expect(within(nav).getByRole("link", { name: "Security" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "Profile" })).not.toHaveAttribute("aria-current");
  });
});
