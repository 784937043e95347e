import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { deleteWithUndo } from "@/components/delete-with-undo";
import type { OverlayProps } from "@/components/lazy-overlay";
import type { SavedView } from "@/lib/api/types";
import { savedViewKeys } from "@/lib/query-keys";

/**
 * "Delete view “…”?", then the delete with its undo toast; `send` makes the request.
 * Loaded when its button is first used (saved-view-controls.tsx).
 */
export function DeleteViewDialog({ trigger, defaultOpen, view, send }: OverlayProps & { view: SavedView; send: () => Promise<unknown> }) {
  const { t } = useTranslation("views");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(defaultOpen);
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={t("current.deleteTitle", { name: view.name })}
      description={t("current.deleteDescription")}
      confirmLabel={t("current.delete")}
      // Never pending: the request goes only once the undo window has passed.
      pendingLabel={t("current.delete")}
      pending={false}
      onConfirm={() => {
        setOpen(false);
        deleteWithUndo({ queryClient, lists: savedViewKeys.all, ids: [view.id], message: t("current.deleted"), send });
      }}
    />
  );
}
