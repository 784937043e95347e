import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "@/lib/api/errors";

import { ConfirmDestructiveDialog } from "./confirm-destructive-dialog";

function Harness({ pending = false, error = null, onConfirm }: { pending?: boolean; error?: unknown; onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={setOpen}
      trigger={<button type="button">Remove</button>}
      title="Remove this thing?"
      description="It cannot be undone."
      confirmLabel="Remove thing"
      pendingLabel="Removing…"
      pending={pending}
      error={error}
      onConfirm={onConfirm}
    />
  );
}

describe("ConfirmDestructiveDialog", () => {
  it("opens from its trigger, confirms without closing itself, and cancels", async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} />);
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Remove" }));
    const dialog = screen.getByRole("alertdialog", { name: "Remove this thing?" });
    expect(dialog).toHaveAccessibleDescription("It cannot be undone.");
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Remove thing" }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.getByRole("alertdialog")).toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("shows the pending label on a disabled button, and the error", async () => {
    const user = userEvent.setup();
    const error = new ApiError({ message: "This key is in use.", status: 409, code: "conflict" });
    render(<Harness pending error={error} onConfirm={vi.fn()} />);
    await user.click(screen.getByRole("button", { name: "Remove" }));
    const dialog = screen.getByRole("alertdialog", { name: "Remove this thing?" });
    expect(within(dialog).getByRole("button", { name: "Removing…" })).toBeDisabled();
    expect(within(dialog).getByRole("alert")).toHaveTextContent("This key is in use.");
  });

  it("is opened by its caller when it has no trigger", () => {
    render(
      <ConfirmDestructiveDialog
        open
        onOpenChange={vi.fn()}
        title="Delete this tracker?"
        description="It will no longer be checked."
        confirmLabel="Delete tracker"
        pendingLabel="Deleting…"
        pending={false}
        onConfirm={vi.fn()}
      />,
    );
    expect(screen.getByRole("alertdialog", { name: "Delete this tracker?" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete tracker" })).toBeEnabled();
  });
});
