import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { setVendorPreference } from "@/lib/vendor-preference";
import { db, makeVendor } from "@/testing/handlers";
import { currentUrl, renderWithProviders, signIn } from "@/testing/render";

import { ShellVendorSwitch } from "./shell-vendor-switch";

function twoVendors() {
  db.vendors = [makeVendor(), makeVendor({ id: 2, name: "Ada's shop", slug: "shop", is_personal: false })];
}

const remembered = () => window.localStorage.getItem("omni-vendor");

describe("the shell's vendor switch", () => {
  it("on the list, shows the URL's vendor and keeps the other filters, back at page 1", async () => {
    signIn();
    twoVendors();
    setVendorPreference(1);
    const { user } = renderWithProviders(<ShellVendorSwitch />, { route: "/collection?vendor=2&category=vinyl&page=3" });
    const select = await screen.findByRole("combobox", { name: "Collection shown" });
    expect(select).toHaveValue("2");

    await user.selectOptions(select, "Ada's collection");
    expect(currentUrl().pathname).toBe("/collection");
    expect(currentUrl().search).toBe("?vendor=1&category=vinyl");
    expect(remembered()).toBe("1");
  });

  it("elsewhere, shows the remembered vendor and opens the list for the choice", async () => {
    signIn();
    twoVendors();
    setVendorPreference(2);
    const { user } = renderWithProviders(<ShellVendorSwitch />, { route: "/search?q=holo" });
    const select = await screen.findByRole("combobox", { name: "Collection shown" });
    expect(select).toHaveValue("2");

    await user.selectOptions(select, "All collections");
    expect(currentUrl().pathname).toBe("/collection");
    expect(currentUrl().search).toBe("");
    expect(remembered()).toBeNull();
  });

  it("on the dashboard, only remembers the choice", async () => {
    signIn();
    twoVendors();
    const { user } = renderWithProviders(<ShellVendorSwitch />, { route: "/" });
    const select = await screen.findByRole("combobox", { name: "Collection shown" });
    expect(select).toHaveValue("");

    await user.selectOptions(select, "Ada's shop");
    expect(currentUrl().pathname).toBe("/");
    expect(remembered()).toBe("2");
  });
});
