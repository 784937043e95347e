import { Trash2 } from "lucide-react";
import { useState } from "react";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api/errors";
import type { Collectible } from "@/lib/api/types";

import { useDeleteCollectible } from "../api/delete-collectible";

export function DeleteCollectibleButton({ item, onDeleted }: { item: Collectible; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteCollectible();
  const hasHistory = isApiError(remove.error) && remove.error.status === 409;
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      trigger={
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Delete
        </Button>
      }
      title={`Delete “${item.name}”?`}
      description="The item and its recorded details are removed from your collection. This cannot be undone."
      confirmLabel={hasHistory ? "Delete with its price history" : "Delete item"}
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      onConfirm={() =>
        remove.mutate(
          { id: item.id, confirmHistory: hasHistory },
          {
            onSuccess: () => {
              setOpen(false);
              onDeleted();
            },
          },
        )
      }
    />
  );
}
