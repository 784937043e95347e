import { Trash2 } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { deleteWithUndo } from "@/components/delete-with-undo";
import { Button } from "@/components/ui/button";
import { collectibleKeys, savedViewKeys } from "@/lib/query-keys";
import type { Collectible } from "@/lib/api/types";

import { useDeleteCollectible } from "../api/delete-collectible";

export function DeleteCollectibleButton({ item, onDeleted }: { item: Collectible; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteCollectible();
  const queryClient = useQueryClient();
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Delete
        </Button>
      }
      title={`Delete “${item.name}”?`}
      description="The item goes with its trackers, photos and price history. To keep its history, mark it sold instead. You can undo for a few seconds."
      confirmLabel="Delete item"
      pendingLabel="Deleting…"
      pending={false}
      onConfirm={() => {
        setOpen(false);
        onDeleted();
        // The confirmation and the undo window stand for the API's "with its history" check.
        deleteWithUndo({
          // Saved views hang under the list keys too; their ids are not items'.
          queryClient, lists: collectibleKeys.lists(), except: savedViewKeys.all, id: item.id, message: `“${item.name}” deleted.`,
          send: () => remove.mutateAsync({ id: item.id, confirmHistory: true }),
        });
      }}
    />
  );
}
