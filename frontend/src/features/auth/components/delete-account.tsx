import { Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
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
import { confirmWordMatches, DELETE_WORD } from "../lib/account-schemas";

/**
 * Delete the account: "download your data first" (`takeout`, composed by the route), then
 * the password and the typed confirmation word.
 */
export function DeleteAccount({ takeout }: { takeout?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [word, setWord] = useState("");
  const navigate = useNavigate();
  const remove = useDeleteAccount(() => void navigate(paths.login, { replace: true }));
  const passwordError = remove.isError ? toApiError(remove.error).fields["password"]?.[0] : undefined;
  const ready = password.length > 0 && confirmWordMatches(word);

  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle>Delete your account</CardTitle>
        <CardDescription>
          Deletes your account, your settings, and every collection nobody else owns, with its items and prices. A
          collection you share with another owner stays theirs. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {takeout ? (
          <section aria-label="Download your data first" className="grid gap-2 rounded-md border p-3">
            <h3 className="text-sm font-medium">Download your data first</h3>
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
              <Trash2 aria-hidden /> Delete account…
            </Button>
          }
          title="Delete your account for good?"
          description={`Enter your password and type ${DELETE_WORD} to confirm.`}
          confirmLabel="Delete my account"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          confirmDisabled={!ready}
          error={remove.isError && !passwordError ? remove.error : null}
          onConfirm={() =>
            remove.mutate(password, { onSuccess: () => toast.success("Your account was deleted. Goodbye!") })
          }
        >
          <div className="grid gap-3">
            <Field label="Password" error={passwordError}>
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
            <Field label={`Type ${DELETE_WORD} to confirm`}>
              {(control) => <Input {...control} autoComplete="off" value={word} onChange={(event) => setWord(event.target.value)} />}
            </Field>
          </div>
        </ConfirmDestructiveDialog>
      </CardContent>
    </Card>
  );
}
