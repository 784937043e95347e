import { LogOut } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";

import { useSignOutEverywhere } from "../api/end-account";

export function SignOutEverywhere() {
  const { t } = useTranslation("auth");
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const signOut = useSignOutEverywhere(() => void navigate(paths.login, { replace: true }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("sessions.title")}</CardTitle>
        <CardDescription>{t("sessions.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmDestructiveDialog
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) signOut.reset();
          }}
          trigger={
            <Button variant="outline">
              <LogOut aria-hidden /> {t("sessions.button")}
            </Button>
          }
          title={t("sessions.confirmTitle")}
          description={t("sessions.confirmDescription")}
          confirmLabel={t("sessions.confirm")}
          pendingLabel={t("sessions.pending")}
          pending={signOut.isPending}
          error={signOut.isError ? signOut.error : null}
          onConfirm={() => signOut.mutate(undefined, { onSuccess: () => toast.success(t("sessions.done")) })}
        />
      </CardContent>
    </Card>
  );
}
