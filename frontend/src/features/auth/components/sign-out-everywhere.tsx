import { LogOut } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";

import { useSignOutEverywhere } from "../api/end-account";

export function SignOutEverywhere() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const signOut = useSignOutEverywhere(() => void navigate(paths.login, { replace: true }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sessions</CardTitle>
        <CardDescription>Lost a phone, or signed in on a shared computer? End every session at once.</CardDescription>
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
              <LogOut aria-hidden /> Sign out everywhere
            </Button>
          }
          title="Sign out of every session?"
          description="Every device signed in to your account is signed out, this one included. You can sign in again right away."
          confirmLabel="Sign out everywhere"
          pendingLabel="Signing out…"
          pending={signOut.isPending}
          error={signOut.isError ? signOut.error : null}
          onConfirm={() => signOut.mutate(undefined, { onSuccess: () => toast.success("Signed out of every session.") })}
        />
      </CardContent>
    </Card>
  );
}
