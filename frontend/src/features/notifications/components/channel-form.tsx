import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { applyServerErrors } from "@/lib/api/form-errors";

import type { NotificationChannel, NotificationChannelRequest } from "@/lib/api/types";
import { channelFormSchema, channelFormValues, toChannelRequest, type ChannelFormValues } from "../lib/channel-form";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function ChannelForm({
  channel,
  onSubmit,
  onCancel,
}: {
  channel?: NotificationChannel;
  onSubmit: (body: NotificationChannelRequest) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm<ChannelFormValues>({ resolver: zodResolver(channelFormSchema), defaultValues: channelFormValues(channel) });
  const { register, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const kind = useWatch({ control, name: "kind" });
  const mode = useWatch({ control, name: "mode" });
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(toChannelRequest(values));
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={channel ? "Edit channel" : "New channel"}>
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label="Name" required error={errors.name?.message}>
        {(c) => <Input {...c} placeholder="My phone" {...register("name")} />}
      </Field>
      <Field label="Type" error={errors.kind?.message}>
        {(c) => (
          <NativeSelect {...c} disabled={channel !== undefined} {...register("kind")}>
            <option value="email">Email</option>
            <option value="apprise">Push service (Apprise URL)</option>
          </NativeSelect>
        )}
      </Field>
      {kind === "apprise" ? (
        <Field
          label="Apprise URL"
          required={!channel}
          error={errors.apprise_url?.message}
          description={
            channel
              ? `Saved as ${channel.apprise_url_masked || "•••"}. It is stored encrypted and never shown again; leave empty to keep it.`
              : "ntfy://, discord://, tgram://, slack://, matrix://, json://… It is stored encrypted and never shown again."
          }
        >
          {(c) => <Input {...c} type="password" autoComplete="off" spellCheck={false} placeholder="ntfy://ntfy.sh/my-topic" {...register("apprise_url")} />}
        </Field>
      ) : (
        <Field label="Email address" error={errors.email?.message} description="Leave empty to use your account's address.">
          {(c) => <Input {...c} type="email" autoComplete="email" {...register("email")} />}
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Delivery" error={errors.mode?.message}>
          {(c) => (
            <NativeSelect {...c} {...register("mode")}>
              <option value="instant">Instantly</option>
              <option value="digest">Daily digest</option>
            </NativeSelect>
          )}
        </Field>
        {mode === "digest" ? (
          <Field label="Digest hour" error={errors.digest_hour?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("digest_hour")}>
                {HOURS.map((h) => (
                  <option key={h} value={String(h)}>
                    {`${String(h).padStart(2, "0")}:00`}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        ) : null}
        <Field label="Quiet hours from" error={errors.quiet_start?.message} description="Instant messages wait until the quiet hours end.">
          {(c) => <Input {...c} type="time" {...register("quiet_start")} />}
        </Field>
        <Field label="Quiet hours until" error={errors.quiet_end?.message}>
          {(c) => <Input {...c} type="time" {...register("quiet_end")} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-primary" {...register("enabled")} />
        Enabled
      </label>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save channel"}
        </Button>
      </div>
    </form>
  );
}
