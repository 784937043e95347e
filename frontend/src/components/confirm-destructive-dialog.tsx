import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

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
import { buttonVariants } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form";
import { toApiError } from "@/lib/api/errors";

export interface ConfirmDestructiveDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens the dialog; leave it out when something else sets `open`. */
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** The confirm button's text (its accessible name). */
  confirmLabel: string;
  /** The confirm button's text while `pending` ("Deleting…"). */
  pendingLabel: string;
  /** The action is running: the confirm button is disabled and says `pendingLabel`. */
  pending: boolean;
  /** The action's failure, shown above the buttons (null or undefined: none). */
  error?: unknown;
  /** Extra controls between the text and the buttons (e.g. "type DELETE to confirm"). */
  children?: ReactNode;
  /** Keeps the confirm button disabled (e.g. until the confirmation is typed). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
}

/** "Delete this?" — a destructive action asked for again. The confirm button does not close
 * the dialog: the caller closes it (`onOpenChange(false)`) once the action succeeds, so a
 * failure is shown in place. */
export function ConfirmDestructiveDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  children,
  confirmDisabled = false,
  onConfirm,
}: ConfirmDestructiveDialogProps) {
  const { t } = useTranslation();
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      {trigger ? <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger> : null}
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {children}
        {error != null ? <FormAlert message={toApiError(error).message} /> : null}
        <AlertDialogFooter>
          <AlertDialogCancel>{t("actions.cancel")}</AlertDialogCancel>
          {/* Not AlertDialogAction: the dialog stays open until the action succeeds. */}
          <button
            type="button"
            className={buttonVariants({ variant: "destructive" })}
            disabled={pending || confirmDisabled}
            onClick={onConfirm}
          >
            {pending ? pendingLabel : confirmLabel}
          </button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
