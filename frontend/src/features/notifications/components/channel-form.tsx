import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { applyServerErrors } from "@/lib/api/form-errors";

import type { NotificationChannel, NotificationChannelRequest } from "@/lib/api/types";
import { channelFormSchema, channelFormValues, hourLabel, toChannelRequest, type ChannelFormValues } from "../lib/channel-form";

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** An example URL (the form of the service's own address, not a text to translate). */
const APPRISE_EXAMPLE = "ntfy://ntfy.sh/my-topic";

export function ChannelForm({
  channel,
  onSubmit,
  onCancel,
}: {
  channel?: NotificationChannel;
  onSubmit: (body: NotificationChannelRequest) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["notifications", "common"]);
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
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={channel ? t("form.editLabel") : t("form.newLabel")}>
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label={t("form.name")} required error={errors.name?.message}>
        {(c) => <Input {...c} placeholder={t("form.namePlaceholder")} {...register("name")} />}
      </Field>
      <Field label={t("form.type")} error={errors.kind?.message}>
        {(c) => (
          <NativeSelect {...c} disabled={channel !== undefined} {...register("kind")}>
            <option value="email">{t("form.email")}</option>
            <option value="apprise">{t("form.apprise")}</option>
          </NativeSelect>
        )}
      </Field>
      {kind === "apprise" ? (
        <Field
          label={t("form.appriseUrl")}
          required={!channel}
          error={errors.apprise_url?.message}
          description={
            channel
              ? t("form.appriseSaved", { mask: channel.apprise_url_masked || "•••" })
              : t("form.appriseNew")
          }
        >
          {(c) => <Input {...c} type="password" autoComplete="off" spellCheck={false} placeholder={APPRISE_EXAMPLE} {...register("apprise_url")} />}
        </Field>
      ) : (
        <Field label={t("form.emailAddress")} error={errors.email?.message} description={t("form.emailHelp")}>
          {(c) => <Input {...c} type="email" autoComplete="email" {...register("email")} />}
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("form.delivery")} error={errors.mode?.message}>
          {(c) => (
            <NativeSelect {...c} {...register("mode")}>
              <option value="instant">{t("form.instant")}</option>
              <option value="digest">{t("form.digest")}</option>
            </NativeSelect>
          )}
        </Field>
        {mode === "digest" ? (
          <Field label={t("form.digestHour")} error={errors.digest_hour?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("digest_hour")}>
                {HOURS.map((h) => (
                  <option key={h} value={String(h)}>
                    {hourLabel(h)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        ) : null}
        <Field label={t("form.quietFrom")} error={errors.quiet_start?.message} description={t("form.quietHelp")}>
          {(c) => <Input {...c} type="time" {...register("quiet_start")} />}
        </Field>
        <Field label={t("form.quietUntil")} error={errors.quiet_end?.message}>
          {(c) => <Input {...c} type="time" {...register("quiet_end")} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-primary" {...register("enabled")} />
        {t("form.enabled")}
      </label>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onCancel}>
          {t("common:actions.cancel")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("common:actions.saving") : t("form.save")}
        </Button>
      </div>
    </form>
  );
}
