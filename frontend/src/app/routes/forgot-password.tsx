import { Link, useSearchParams } from "react-router";

import { paths } from "@/config/paths";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { ForgotPasswordForm } from "@/features/auth/components/forgot-password-form";

export function Component() {
  const [params] = useSearchParams();
  return (
    <AuthLayout
      title="Forgot your password?"
      description="Enter your account's address: we mail you a link to choose a new password."
      footer={
        <Link to={paths.login} className="font-medium text-primary underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      }
    >
      <title>Forgot password · Omni-Stock</title>
      <ForgotPasswordForm defaultEmail={params.get("email") ?? ""} />
    </AuthLayout>
  );
}
