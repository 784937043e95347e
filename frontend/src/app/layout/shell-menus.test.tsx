import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderWithProviders, signIn } from "@/testing/render";

import { ShellMenus } from "./shell-menus";

describe("the shell's menus", () => {
  it("arrive just after the first paint, in the room kept for them", async () => {
    signIn();
    renderWithProviders(<ShellMenus />);
    expect(screen.queryByRole("button", { name: /account menu/i })).not.toBeInTheDocument();

    expect(await screen.findByRole("button", { name: /account menu/i }, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /colour theme/i })).toBeInTheDocument();
  });

  it("are fetched at once when the pointer reaches for them", async () => {
    signIn();
    const { user, container } = renderWithProviders(<ShellMenus />);
    const room = container.querySelector("[aria-hidden]");
    if (!room) throw new Error("no placeholder");
    await user.hover(room);
    expect(await screen.findByRole("button", { name: /account menu/i }, { timeout: 900 })).toBeInTheDocument();
  });
});
