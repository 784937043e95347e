import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/api/form-errors";

import { useRegister } from "../api/register";
import { registerSchema, type RegisterValues } from "../lib/schemas";

type Values = RegisterValues;

export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const registerAccount = useRegister();
  const form = useForm<Values>({
    resolver: zodResolver(registerSchema),
    defaultValues: { display_name: "", email: "", password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ confirm: _confirm, ...values }) => {
    try {
      await registerAccount.mutateAsync(values);
      onSuccess();
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-4">
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label="Display name" error={errors.display_name?.message} description="Shown to people you share a collection with.">
        {(control) => <Input {...control} autoComplete="nickname" autoFocus {...form.register("display_name")} />}
      </Field>
      <Field label="Email" required error={errors.email?.message}>
        {(control) => <Input {...control} type="email" autoComplete="email" {...form.register("email")} />}
      </Field>
      <Field label="Password" required error={errors.password?.message}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register("password")} />}
      </Field>
      <Field label="Confirm password" required error={errors.confirm?.message}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register("confirm")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting} className="mt-1">
        {isSubmitting ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
