import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import { Checkbox } from "./checkbox";
import { Label } from "./label";

describe("Checkbox", () => {
  it("is a native checkbox: a click or its label toggles it, and says so", async () => {
    const user = userEvent.setup();
    const changes = vi.fn();
    function Field() {
      const [checked, setChecked] = useState(false);
      return (
        <>
          <Checkbox
            id="day-first"
            checked={checked}
            onCheckedChange={(next) => {
              changes(next);
              setChecked(next === true);
            }}
          />
          <Label htmlFor="day-first">Day first</Label>
        </>
      );
    }
    render(<Field />);
    const box = screen.getByRole("checkbox", { name: "Day first" });
    await user.click(box);
    expect(box).toBeChecked();
    await user.click(screen.getByText("Day first"));
    expect(box).not.toBeChecked();
    expect(changes.mock.calls).toEqual([[true], [false]]);
  });

  it("shows a partly picked page as mixed, and a click on it asks for everything", async () => {
    const user = userEvent.setup();
    const onCheckedChange = vi.fn();
    render(<Checkbox aria-label="Select all" checked="indeterminate" onCheckedChange={onCheckedChange} />);
    const box = screen.getByRole("checkbox", { name: "Select all" });
    expect(box).toBePartiallyChecked();
    await user.click(box);
    expect(onCheckedChange).toHaveBeenCalledWith(true);
    // Still partly picked until the page's state says otherwise.
    expect(box).toBePartiallyChecked();
  });

  it("cannot be changed when disabled", async () => {
    const user = userEvent.setup();
    const onCheckedChange = vi.fn();
    render(<Checkbox aria-label="Day first" disabled onCheckedChange={onCheckedChange} />);
    await user.click(screen.getByRole("checkbox", { name: "Day first" }));
    expect(onCheckedChange).not.toHaveBeenCalled();
  });
});
