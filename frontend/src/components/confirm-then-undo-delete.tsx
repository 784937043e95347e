import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { type DeleteWithUndo, deleteWithUndo } from "@/components/delete-with-undo";

export interface ConfirmThenUndoDeleteProps {
  /** The button that opens the question. */
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** The confirm button's text (its accessible name). */
  confirmLabel: string;
  /** The delete as `deleteWithUndo` takes it; the query client is the app's. */
  undo: Omit<DeleteWithUndo, "queryClient">;
  /** Runs as the dialog closes, before the rows leave the lists (e.g. leave the item's page). */
  onConfirmed?: () => void;
}

/**
 * A delete asked for first, then held for its undo window (`deleteWithUndo`): for what is
 * hard to get back or touches someone else. The dialog closes on "confirm" at once:
 * nothing is sent yet, so nothing is pending and no failure can show in it.
 */
export function ConfirmThenUndoDelete({ trigger, title, description, confirmLabel, undo, onConfirmed }: ConfirmThenUndoDeleteProps) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      pendingLabel={confirmLabel}
      pending={false}
      onConfirm={() => {
        setOpen(false);
        onConfirmed?.();
        deleteWithUndo({ ...undo, queryClient });
      }}
    />
  );
}
