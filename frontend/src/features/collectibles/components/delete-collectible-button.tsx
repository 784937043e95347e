import { Trash2 } from "lucide-react";
import { useTranslation } from "react-i18next";

import { ConfirmThenUndoDelete } from "@/components/confirm-then-undo-delete";
import { Button } from "@/components/ui/button";
import { collectibleKeys, savedViewKeys } from "@/lib/query-keys";
import type { Collectible } from "@/lib/api/types";

import { useDeleteCollectible } from "../api/delete-collectible";

export function DeleteCollectibleButton({ item, onDeleted }: { item: Collectible; onDeleted: () => void }) {
  const { t } = useTranslation(["collectibles", "common"]);
  const remove = useDeleteCollectible();
  return (
    <ConfirmThenUndoDelete
      trigger={
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> {t("common:actions.delete")}
        </Button>
      }
      title={t("actions.deleteTitle", { name: item.name })}
      description={t("actions.deleteDescription")}
      confirmLabel={t("actions.deleteConfirm")}
      onConfirmed={onDeleted}
      // The confirmation and the undo window stand for the API's "with its history" check.
      undo={{
        // Saved views hang under the list keys too; their ids are not items'.
        lists: collectibleKeys.lists(), except: savedViewKeys.all, ids: [item.id], message: t("actions.deleted", { name: item.name }),
        send: () => remove.mutateAsync({ id: item.id, confirmHistory: true }),
      }}
    />
  );
}
