import { Trash2 } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { deleteWithUndo } from "@/components/delete-with-undo";
import { Button } from "@/components/ui/button";
import type { MarketplaceCredential } from "@/lib/api/types";

import { useDeleteMarketplaceKey } from "../api/credentials";
import { marketplaceKeyKeys } from "../api/keys";
import type { ProviderInfo } from "../lib/providers";

/** Asked first, then undoable like every delete: a removed key has to be fetched from the marketplace again. */
export function RemoveKeyButton({ info, credential }: { info: ProviderInfo; credential: MarketplaceCredential }) {
  const { t } = useTranslation("marketplaceKeys");
  const [open, setOpen] = useState(false);
  const remove = useDeleteMarketplaceKey();
  const queryClient = useQueryClient();
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> {t("remove.button")}
        </Button>
      }
      title={t("remove.title", { provider: info.label })}
      description={t("remove.description", { withoutKey: t(`providers.${info.provider}.withoutKey`) })}
      confirmLabel={t("remove.confirm")}
      pendingLabel={t("remove.pending")}
      pending={false}
      onConfirm={() => {
        setOpen(false);
        deleteWithUndo({
          queryClient, lists: marketplaceKeyKeys.list(), ids: [credential.id], message: t("remove.removed", { provider: info.label }),
          send: () => remove.mutateAsync(credential.id),
        });
      }}
    />
  );
}
