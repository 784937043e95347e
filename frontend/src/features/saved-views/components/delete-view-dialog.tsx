import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { deleteWithUndo } from "@/components/delete-with-undo";
import type { OverlayProps } from "@/components/lazy-overlay";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import type { SavedView } from "@/lib/api/types";
import { savedViewKeys } from "@/lib/query-keys";

/**
 * "Delete view “…”?", then the delete with its undo toast; `send` makes the request.
 * Loaded when its button is first used (saved-view-controls.tsx).
 */
export function DeleteViewDialog({ trigger, defaultOpen, view, send }: OverlayProps & { view: SavedView; send: () => Promise<unknown> }) {
  const { t } = useTranslation("views");
  const queryClient = useQueryClient();
  return (
    <AlertDialog defaultOpen={defaultOpen}>
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("current.deleteTitle", { name: view.name })}</AlertDialogTitle>
          <AlertDialogDescription>{t("current.deleteDescription")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("save.cancel")}</AlertDialogCancel>
          <AlertDialogAction
            onClick={() => deleteWithUndo({ queryClient, lists: savedViewKeys.all, id: view.id, message: t("current.deleted"), send })}
          >
            {t("current.delete")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
