import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";

/** The small screens' navigation sheet: loaded on the first tap of the menu button, so the
 * dialog's code is not part of the first screen's JavaScript. */
export default function MenuSheet({
  open,
  onOpenChange,
  title,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation("app");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent side="left" className="content-start">
        <DialogTitle asChild>
          <div>{title}</div>
        </DialogTitle>
        <DialogDescription className="sr-only">{t("shell.menuDescription")}</DialogDescription>
        {children}
      </DialogContent>
    </Dialog>
  );
}
