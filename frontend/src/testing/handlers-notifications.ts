import { http, HttpResponse } from "msw";

import type { AppNotification, NotificationChannel, NotificationChannelRequest } from "@/lib/api/types";

import { now } from "./factories";

// The notifications API of the test server (inbox and channels), kept apart from handlers.ts
// so each feature's fake stays small. Auth is not re-checked here: handlers.ts covers it.
const API = "/api/v1";

interface NotificationsDb {
  inbox: AppNotification[];
  channels: NotificationChannel[];
  /** The body of each channel POST/PATCH, in order (to assert what the form sent). */
  channelWrites: Partial<NotificationChannelRequest>[];
}

const fresh = (): NotificationsDb => ({ inbox: [], channels: [], channelWrites: [] });
export let notificationsDb: NotificationsDb = fresh();
export function resetNotificationsDb(): void {
  notificationsDb = fresh();
}

let nextId = 1;
export function makeNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  const id = overrides.id ?? nextId++;
  return { id, kind: "alert", title: `Notification ${String(id)}`, body: "", link: "", data: {}, read_at: null, created_at: now, ...overrides };
}

export function makeChannel(overrides: Partial<NotificationChannel> = {}): NotificationChannel {
  const id = overrides.id ?? nextId++;
  return {
    id,
    kind: "apprise",
    name: `Channel ${String(id)}`,
    apprise_url_masked: "ntfy://•••",
    email: "",
    email_target: "",
    mode: "instant",
    digest_hour: 8,
    quiet_start: null,
    quiet_end: null,
    time_zone: "UTC",
    enabled: true,
    last_error: "",
    last_delivered_at: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

const notFound = () => HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 });

/** As the server: the scheme and a mask, never the secret part. */
function masked(url: string | undefined): string {
  return url ? `${url.split("://")[0] ?? ""}://•••` : "";
}

export const notificationHandlers = [
  http.get(`${API}/notifications/`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    const items = params.get("unread") === "true" ? notificationsDb.inbox.filter((n) => n.read_at === null) : notificationsDb.inbox;
    const size = Number(params.get("page_size") ?? "20");
    return HttpResponse.json({ count: items.length, next: null, previous: null, results: items.slice(0, size) });
  }),
  http.get(`${API}/notifications/unread-count/`, () =>
    HttpResponse.json({ unread_count: notificationsDb.inbox.filter((n) => n.read_at === null).length }),
  ),
  http.post(`${API}/notifications/read-all/`, () => {
    const unread = notificationsDb.inbox.filter((n) => n.read_at === null).length;
    notificationsDb.inbox = notificationsDb.inbox.map((n) => ({ ...n, read_at: n.read_at ?? now }));
    return HttpResponse.json({ marked_read: unread });
  }),
  http.post(`${API}/notifications/:id/read/`, ({ params }) => {
    const index = notificationsDb.inbox.findIndex((n) => String(n.id) === params.id);
    const item = notificationsDb.inbox[index];
    if (!item) return notFound();
    const read = { ...item, read_at: item.read_at ?? now };
    notificationsDb.inbox[index] = read;
    return HttpResponse.json(read);
  }),
  http.get(`${API}/notification-channels/`, () => HttpResponse.json(notificationsDb.channels)),
  http.post(`${API}/notification-channels/`, async ({ request }) => {
    const body = (await request.json()) as NotificationChannelRequest;
    notificationsDb.channelWrites.push(body);
    if (body.kind === "apprise" && !body.apprise_url) {
      return HttpResponse.json({ detail: "Some fields are not valid.", code: "invalid", fields: { apprise_url: ["This field is required."] } }, { status: 400 });
    }
    const { apprise_url: url, ...rest } = body;
    const channel = makeChannel({ ...rest, apprise_url_masked: masked(url) });
    notificationsDb.channels.push(channel);
    return HttpResponse.json(channel, { status: 201 });
  }),
  http.patch(`${API}/notification-channels/:id/`, async ({ request, params }) => {
    const body = (await request.json()) as Partial<NotificationChannelRequest>;
    notificationsDb.channelWrites.push(body);
    const index = notificationsDb.channels.findIndex((c) => String(c.id) === params.id);
    const existing = notificationsDb.channels[index];
    if (!existing) return notFound();
    const { apprise_url: url, ...rest } = body;
    const updated = { ...existing, ...rest, apprise_url_masked: url ? masked(url) : existing.apprise_url_masked };
    notificationsDb.channels[index] = updated;
    return HttpResponse.json(updated);
  }),
  http.delete(`${API}/notification-channels/:id/`, ({ params }) => {
    notificationsDb.channels = notificationsDb.channels.filter((c) => String(c.id) !== params.id);
    return new HttpResponse(null, { status: 204 });
  }),
  http.post(`${API}/notification-channels/:id/test/`, ({ params }) => {
    const channel = notificationsDb.channels.find((c) => String(c.id) === params.id);
    if (!channel) return notFound();
    return channel.last_error
      ? HttpResponse.json({ sent: false, status: "failed", detail: channel.last_error })
      : HttpResponse.json({ sent: true, status: "sent", detail: "" });
  }),
];
