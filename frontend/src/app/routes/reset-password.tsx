import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";

import { FormAlert } from "@/components/ui/form";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { ResetPasswordForm } from "@/features/auth/components/reset-password-form";
import { resetLinkParams } from "@/features/auth/lib/account-schemas";
import { endLocalSession } from "@/lib/session";

export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const link = resetLinkParams(params);
  return (
    <AuthLayout
      title="Choose a new password"
      description="Setting it signs you out everywhere; then sign in with the new one."
      footer={
        <Link to={paths.forgotPassword} className="font-medium text-primary underline-offset-4 hover:underline">
          Ask for a new link
        </Link>
      }
    >
      <title>Reset password · Omni-Stock</title>
      {link ? (
        <ResetPasswordForm
          uid={link.uid}
          token={link.token}
          onSuccess={() => {
            toast.success("Your password was changed. Sign in with the new one.");
            // Every session ended on the server, this browser's too.
            endLocalSession(queryClient, () => void navigate(paths.login, { replace: true }));
          }}
        />
      ) : (
        <FormAlert message="This reset link is incomplete: open the link from the mail again, or ask for a new one." />
      )}
    </AuthLayout>
  );
}
