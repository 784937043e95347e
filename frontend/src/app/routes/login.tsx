import { Link, useNavigate, useSearchParams } from "react-router";

import { paths, safeNext } from "@/config/paths";
import { AuthLayout } from "@/features/auth/components/auth-layout";
import { LoginForm } from "@/features/auth/components/login-form";

export function Component() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  return (
    <AuthLayout
      title="Sign in"
      description="Welcome back to your collection."
      footer={
        <>
          New here?{" "}
          <Link to={paths.register + (params.get("next") ? `?next=${encodeURIComponent(next)}` : "")} className="font-medium text-primary underline-offset-4 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <title>Sign in · Omni-Stock</title>
      <LoginForm onSuccess={() => void navigate(next, { replace: true })} />
      <p className="mt-4 text-center text-sm">
        <Link to={paths.forgotPassword} className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
          Forgot your password?
        </Link>
      </p>
    </AuthLayout>
  );
}
