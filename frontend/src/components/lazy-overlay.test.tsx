import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

import { lazyOverlay, type OverlayProps } from "./lazy-overlay";

/** What an overlay module exports: the Radix root around the trigger it is given. */
function FormatMenu({ trigger, defaultOpen, onPick }: OverlayProps & { onPick: (format: string) => void }) {
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem onSelect={() => onPick("csv")}>CSV</DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onPick("json")}>JSON</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function setup() {
  const load = vi.fn(() => Promise.resolve(FormatMenu));
  const Menu = lazyOverlay(load, "menu");
  const onPick = vi.fn();
  const ui = <Menu trigger={<Button>Export</Button>} onPick={onPick} />;
  return { load, ui, onPick, user: userEvent.setup() };
}

describe("lazyOverlay", () => {
  it("shows the trigger as a real button and fetches nothing until it is wanted", () => {
    const { load, ui } = setup();
    render(ui);
    const trigger = screen.getByRole("button", { name: "Export" });
    expect(trigger).toHaveAttribute("aria-haspopup", "menu");
    expect(trigger).toHaveAttribute("aria-expanded", "false");
    expect(load).not.toHaveBeenCalled();
  });

  it("prefetches on hover and focus, once", async () => {
    const { load, ui, user } = setup();
    render(ui);
    await user.hover(screen.getByRole("button", { name: "Export" }));
    await user.tab();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("opens on the first click once the code is there, focus inside, and Escape gives focus back to the trigger", async () => {
    const { ui, onPick, user } = setup();
    render(ui);
    await user.click(screen.getByRole("button", { name: "Export" }));

    const menu = await screen.findByRole("menu");
    await waitFor(() => expect(menu).toContainElement(document.activeElement as HTMLElement));
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("menu")).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Export" })).toHaveFocus();

    // From then on Radix runs it: open again and pick.
    await user.click(screen.getByRole("button", { name: "Export" }));
    await user.click(await screen.findByRole("menuitem", { name: "JSON" }));
    expect(onPick).toHaveBeenCalledWith("json");
  });

  it("renders the overlay at once wherever it mounts after the code came", async () => {
    const { load, ui, user } = setup();
    const first = render(ui);
    await user.click(screen.getByRole("button", { name: "Export" }));
    await screen.findByRole("menu");
    first.unmount();

    render(ui);
    // Radix's own trigger (it carries the id the menu is labelled by), not the stand-in.
    expect(screen.getByRole("button", { name: "Export" })).toHaveAttribute("id");
    await user.click(screen.getByRole("button", { name: "Export" }));
    expect(await screen.findByRole("menu")).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("tries again on the click when the prefetch failed", async () => {
    const load = vi.fn<() => Promise<typeof FormatMenu>>().mockRejectedValueOnce(new Error("offline")).mockResolvedValue(FormatMenu);
    const Menu = lazyOverlay(load, "menu");
    const user = userEvent.setup();
    render(<Menu trigger={<Button>Export</Button>} onPick={vi.fn()} />);
    await user.hover(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));

    await user.click(screen.getByRole("button", { name: "Export" }));
    expect(await screen.findByRole("menu")).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
