import { Trash2 } from "lucide-react";
import { useState } from "react";

import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button, buttonVariants } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form";
import { isApiError, toApiError } from "@/lib/api/errors";
import type { Collectible } from "@/lib/api/types";

import { useDeleteCollectible } from "../api/delete-collectible";

export function DeleteCollectibleButton({ item, onDeleted }: { item: Collectible; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteCollectible();
  const hasHistory = isApiError(remove.error) && remove.error.status === 409;
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{item.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            The item and its recorded details are removed from your collection. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {remove.isError ? <FormAlert message={toApiError(remove.error).message} /> : null}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          {/* Not AlertDialogAction: the dialog stays open until the delete succeeds. */}
          <button
            type="button"
            className={buttonVariants({ variant: "destructive" })}
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate({ id: item.id, confirmHistory: hasHistory }, {
                onSuccess: () => {
                  setOpen(false);
                  onDeleted();
                },
              })
            }
          >
            {remove.isPending ? "Deleting…" : hasHistory ? "Delete with its price history" : "Delete item"}
          </button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
