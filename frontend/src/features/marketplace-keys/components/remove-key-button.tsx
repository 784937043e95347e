import { Trash2 } from "lucide-react";
import { useState } from "react";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { MarketplaceCredential } from "@/lib/api/types";

import { useDeleteMarketplaceKey } from "../api/credentials";
import type { ProviderInfo } from "../lib/providers";

export function RemoveKeyButton({ info, credential }: { info: ProviderInfo; credential: MarketplaceCredential }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteMarketplaceKey();
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Remove
        </Button>
      }
      title={`Remove your ${info.label} key?`}
      description={`The saved key is deleted from Omni-Stock. ${info.withoutKey}`}
      confirmLabel="Remove key"
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      onConfirm={() =>
        remove.mutate(credential.id, {
          onSuccess: () => {
            setOpen(false);
            toast.success(`${info.label} key removed.`);
          },
        })
      }
    />
  );
}
