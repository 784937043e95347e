import { Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { toApiError } from "@/lib/api/errors";

import { useDeleteAccount } from "../api/end-account";
import { confirmWordMatches } from "../lib/account-schemas";

/**
 * Delete the account: "download your data first" (`takeout`, composed by the route), then
 * the password and the typed confirmation word.
 */
export function DeleteAccount({ takeout }: { takeout?: ReactNode }) {
  const { t } = useTranslation("auth");
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [word, setWord] = useState("");
  const navigate = useNavigate();
  const remove = useDeleteAccount(() => void navigate(paths.login, { replace: true }));
  const passwordError = remove.isError ? toApiError(remove.error).fields["password"]?.[0] : undefined;
  const ready = password.length > 0 && confirmWordMatches(word, t("deleteAccount.word"));

  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle>{t("deleteAccount.title")}</CardTitle>
        <CardDescription>{t("deleteAccount.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {takeout ? (
          <section aria-label={t("deleteAccount.takeoutHeading")} className="grid gap-2 rounded-md border p-3">
            <h3 className="text-sm font-medium">{t("deleteAccount.takeoutHeading")}</h3>
            {takeout}
          </section>
        ) : null}
        <ConfirmDestructiveDialog
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) {
              remove.reset();
              setPassword("");
              setWord("");
            }
          }}
          trigger={
            <Button variant="destructive" className="justify-self-start">
              <Trash2 aria-hidden /> {t("deleteAccount.button")}
            </Button>
          }
          title={t("deleteAccount.confirmTitle")}
          description={t("deleteAccount.confirmDescription", { word: t("deleteAccount.word") })}
          confirmLabel={t("deleteAccount.confirm")}
          pendingLabel={t("deleteAccount.pending")}
          pending={remove.isPending}
          confirmDisabled={!ready}
          error={remove.isError && !passwordError ? remove.error : null}
          onConfirm={() =>
            remove.mutate(password, { onSuccess: () => toast.success(t("deleteAccount.done")) })
          }
        >
          <div className="grid gap-3">
            <Field label={t("deleteAccount.password")} error={passwordError}>
              {(control) => (
                <Input
                  {...control}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </Field>
            <Field label={t("deleteAccount.typeWord", { word: t("deleteAccount.word") })}>
              {(control) => <Input {...control} autoComplete="off" value={word} onChange={(event) => setWord(event.target.value)} />}
            </Field>
          </div>
        </ConfirmDestructiveDialog>
      </CardContent>
    </Card>
  );
}
