import { screen } from "@testing-library/react";
import { useState } from "react";
import { Link } from "react-router";
import { describe, expect, it } from "vitest";

import { currentUrl, renderWithProviders } from "@/testing/render";

import { UnsavedChangesGuard } from "./unsaved-changes-guard";

function Editor() {
  const [name, setName] = useState("");
  return (
    <>
      <label>
        Name <input value={name} onChange={(event) => { setName(event.target.value); }} />
      </label>
      <UnsavedChangesGuard dirty={name !== ""} />
      <Link to="/elsewhere">Elsewhere</Link>
      <Link to="/edit?tab=2">Same page, other tab</Link>
    </>
  );
}

describe("unsaved changes guard", () => {
  it("lets a clean form go without asking", async () => {
    const { user } = renderWithProviders(<Editor />, { route: "/edit", path: "/edit" });
    await user.click(screen.getByRole("link", { name: "Elsewhere" }));
    expect(currentUrl().pathname).toBe("/elsewhere");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("asks before leaving with edits: stay keeps them, discard leaves", async () => {
    const { user } = renderWithProviders(<Editor />, { route: "/edit", path: "/edit" });
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Charizard");
    await user.click(screen.getByRole("link", { name: "Elsewhere" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    expect(currentUrl().pathname).toBe("/edit");

    await user.click(screen.getByRole("button", { name: "Stay on this page" }));
    expect(dialog).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveValue("Charizard");

    await user.click(screen.getByRole("link", { name: "Elsewhere" }));
    await user.click(await screen.findByRole("button", { name: "Discard changes" }));
    expect(currentUrl().pathname).toBe("/elsewhere");
  });

  it("does not ask when only the query string changes", async () => {
    const { user } = renderWithProviders(<Editor />, { route: "/edit", path: "/edit" });
    await user.type(screen.getByRole("textbox", { name: "Name" }), "x");
    await user.click(screen.getByRole("link", { name: "Same page, other tab" }));
    expect(currentUrl().search).toBe("?tab=2");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("has the browser ask before the tab closes, only while there are edits", async () => {
    const { user } = renderWithProviders(<Editor />, { route: "/edit", path: "/edit" });
    const unload = () => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await user.type(screen.getByRole("textbox", { name: "Name" }), "x");
    expect(unload()).toBe(true);
  });
});
