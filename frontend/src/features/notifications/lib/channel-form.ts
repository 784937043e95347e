import { i18n } from "@/i18n";
import { z } from "@/lib/zod";

import type { NotificationChannel, NotificationChannelRequest } from "@/lib/api/types";

type MessageKey = "time" | "name" | "appriseRequired" | "appriseScheme" | "email" | "quietBoth";
/** The translation of a validation message, looked up when the form is checked. */
const message = (key: MessageKey) => i18n.t(`notifications:validation.${key}`);

/** An hour of the day as the time inputs show it: "08:00". */
export const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

const time = z.string().regex(/^$|^\d{2}:\d{2}$/, { error: () => message("time") });

export const channelFormSchema = z
  .object({
    kind: z.enum(["email", "apprise"]),
    name: z.string().trim().min(1, { error: () => message("name") }).max(100),
    /** Empty on edit = keep the saved URL (it is never sent back to us). */
    apprise_url: z.string().trim(),
    email: z.string().trim(),
    mode: z.enum(["instant", "digest"]),
    digest_hour: z.string(),
    quiet_start: time,
    quiet_end: time,
    enabled: z.boolean(),
    editing: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "apprise" && !v.editing && v.apprise_url === "") {
      ctx.addIssue({ code: "custom", path: ["apprise_url"], message: message("appriseRequired") });
    }
    if (v.kind === "apprise" && v.apprise_url !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v.apprise_url)) {
      ctx.addIssue({ code: "custom", path: ["apprise_url"], message: message("appriseScheme") });
    }
    if (v.email !== "" && !z.email().safeParse(v.email).success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: message("email") });
    }
    if ((v.quiet_start === "") !== (v.quiet_end === "")) {
      ctx.addIssue({ code: "custom", path: ["quiet_end"], message: message("quietBoth") });
    }
  });

export type ChannelFormValues = z.infer<typeof channelFormSchema>;

const hhmm = (value: string | null | undefined) => (value ? value.slice(0, 5) : "");

export function channelFormValues(channel?: NotificationChannel): ChannelFormValues {
  return {
    kind: channel?.kind ?? "email",
    name: channel?.name ?? "",
    apprise_url: "",
    email: channel?.email ?? "",
    mode: channel?.mode ?? "instant",
    digest_hour: String(channel?.digest_hour ?? 8),
    quiet_start: hhmm(channel?.quiet_start),
    quiet_end: hhmm(channel?.quiet_end),
    enabled: channel?.enabled ?? true,
    editing: channel !== undefined,
  };
}

export function toChannelRequest(values: ChannelFormValues): NotificationChannelRequest {
  const body: NotificationChannelRequest = {
    kind: values.kind,
    name: values.name,
    mode: values.mode,
    digest_hour: Number(values.digest_hour),
    quiet_start: values.quiet_start || null,
    quiet_end: values.quiet_end || null,
    // Quiet hours and the digest hour are wall-clock times where the user is.
    time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    enabled: values.enabled,
  };
  if (values.kind === "apprise" && values.apprise_url !== "") body.apprise_url = values.apprise_url;
  if (values.kind === "email") body.email = values.email;
  return body;
}
