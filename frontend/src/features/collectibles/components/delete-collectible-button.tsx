import { Trash2 } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { deleteWithUndo } from "@/components/delete-with-undo";
import { Button } from "@/components/ui/button";
import { collectibleKeys, savedViewKeys } from "@/lib/query-keys";
import type { Collectible } from "@/lib/api/types";

import { useDeleteCollectible } from "../api/delete-collectible";

export function DeleteCollectibleButton({ item, onDeleted }: { item: Collectible; onDeleted: () => void }) {
  const { t } = useTranslation(["collectibles", "common"]);
  const [open, setOpen] = useState(false);
  const remove = useDeleteCollectible();
  const queryClient = useQueryClient();
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> {t("common:actions.delete")}
        </Button>
      }
      title={t("actions.deleteTitle", { name: item.name })}
      description={t("actions.deleteDescription")}
      confirmLabel={t("actions.deleteConfirm")}
      pendingLabel={t("actions.deleting")}
      pending={false}
      onConfirm={() => {
        setOpen(false);
        onDeleted();
        // The confirmation and the undo window stand for the API's "with its history" check.
        deleteWithUndo({
          // Saved views hang under the list keys too; their ids are not items'.
          queryClient, lists: collectibleKeys.lists(), except: savedViewKeys.all, ids: [item.id], message: t("actions.deleted", { name: item.name }),
          send: () => remove.mutateAsync({ id: item.id, confirmHistory: true }),
        });
      }}
    />
  );
}
