import { z } from "@/lib/zod";

import type { NotificationChannel, NotificationChannelRequest } from "@/lib/api/types";

const time = z.string().regex(/^$|^\d{2}:\d{2}$/, "Use HH:MM.");

export const channelFormSchema = z
  .object({
    kind: z.enum(["email", "apprise"]),
    name: z.string().trim().min(1, "Give the channel a name.").max(100),
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
      ctx.addIssue({ code: "custom", path: ["apprise_url"], message: "Paste the Apprise URL of your service (e.g. ntfy://ntfy.sh/my-topic)." });
    }
    if (v.kind === "apprise" && v.apprise_url !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v.apprise_url)) {
      ctx.addIssue({ code: "custom", path: ["apprise_url"], message: "An Apprise URL starts with its service, like ntfy:// or discord://." });
    }
    if (v.email !== "" && !z.email().safeParse(v.email).success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Enter a valid email address." });
    }
    if ((v.quiet_start === "") !== (v.quiet_end === "")) {
      ctx.addIssue({ code: "custom", path: ["quiet_end"], message: "Give both the start and the end of the quiet hours, or neither." });
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
