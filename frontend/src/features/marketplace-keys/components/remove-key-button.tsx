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
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { MarketplaceCredential } from "@/lib/api/types";

import { useDeleteMarketplaceKey } from "../api/credentials";
import type { ProviderInfo } from "../lib/providers";

export function RemoveKeyButton({ info, credential }: { info: ProviderInfo; credential: MarketplaceCredential }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteMarketplaceKey();
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Remove
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Remove your {info.label} key?</AlertDialogTitle>
          <AlertDialogDescription>
            The saved key is deleted from Omni-Stock. {info.withoutKey}
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
              remove.mutate(credential.id, {
                onSuccess: () => {
                  setOpen(false);
                  toast.success(`${info.label} key removed.`);
                },
              })
            }
          >
            {remove.isPending ? "Removing…" : "Remove key"}
          </button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
