import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { makeNotification, notificationsDb } from "@/testing/handlers-notifications";
import { nth, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { unreadCountQueryOptions } from "../api/inbox";
import { NotificationBell } from "./notification-bell";

describe("NotificationBell", () => {
  it("shows the unread count and the inbox, newest first as the server sends it", async () => {
    signIn();
    notificationsDb.inbox = [
      makeNotification({ title: "Charizard is under your max price", body: "41.50 EUR at Demo market", link: "/collection/7" }),
      makeNotification({ title: "Old news", read_at: "2026-01-01T00:00:00Z" }),
    ];
    const { user } = renderWithProviders(<NotificationBell />);

    const bell = await screen.findByRole("button", { name: "Notifications, 1 unread" });
    await user.click(bell);

    const list = await screen.findByRole("list", { name: "Notifications" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(2);
    expect(within(nth(rows, 0)).getByRole("link", { name: "Charizard is under your max price" })).toHaveAttribute("href", "/collection/7");
    expect(within(nth(rows, 0)).getByText("41.50 EUR at Demo market")).toBeInTheDocument();
  });

  it("marks one notification read, then all of them", async () => {
    signIn();
    notificationsDb.inbox = [makeNotification({ title: "First" }), makeNotification({ title: "Second" })];
    const { user } = renderWithProviders(<NotificationBell />);

    await user.click(await screen.findByRole("button", { name: "Notifications, 2 unread" }));
    await user.click(await screen.findByRole("button", { name: "Mark “First” as read" }));
    await screen.findByRole("button", { name: "Notifications, 1 unread" });
    expect(screen.queryByRole("button", { name: "Mark “First” as read" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Mark all read" }));
    await screen.findByRole("button", { name: "Notifications" });
    expect(notificationsDb.inbox.every((n) => n.read_at !== null)).toBe(true);
  });

  it("says so when the inbox is empty", async () => {
    signIn();
    const { user } = renderWithProviders(<NotificationBell />);
    await user.click(await screen.findByRole("button", { name: "Notifications" }));
    expect(await screen.findByText(/No notifications yet/)).toBeInTheDocument();
  });

  it("shows the server's error when the inbox cannot load", async () => {
    signIn();
    server.use(http.get("/api/v1/notifications/", () => HttpResponse.json({ detail: "Boom", code: "server_error" }, { status: 500 })));
    const { user } = renderWithProviders(<NotificationBell />);
    await user.click(screen.getByRole("button", { name: "Notifications" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Boom"));
  });

  it("polls the unread count so a new alert shows without a reload", () => {
    expect(unreadCountQueryOptions().refetchInterval).toBe(30_000);
  });

  it("says so when marking read fails, and leaves the notification unread", async () => {
    signIn();
    notificationsDb.inbox = [makeNotification({ title: "First", link: "/collection/7" }), makeNotification({ title: "Second" })];
    const refused = () => HttpResponse.json({ detail: "Service unavailable.", code: "unavailable" }, { status: 503 });
    server.use(http.post("/api/v1/notifications/:id/read/", refused), http.post("/api/v1/notifications/read-all/", refused));
    const { user } = renderWithProviders(
      <>
        <NotificationBell />
        <Toaster />
      </>,
    );
    await user.click(await screen.findByRole("button", { name: "Notifications, 2 unread" }));

    await user.click(await screen.findByRole("button", { name: "Mark “Second” as read" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not mark the notification read: Service unavailable.");
    expect(screen.getByRole("button", { name: "Mark “Second” as read" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Mark all read" }));
    expect(await screen.findByText("Could not mark the notifications read: Service unavailable.")).toBeInTheDocument();

    // Opening one closes the inbox: the failure is still told.
    await user.click(screen.getByRole("link", { name: "First" }));
    await waitFor(() => expect(screen.getAllByText("Could not mark the notification read: Service unavailable.")).toHaveLength(2));
    expect(screen.getByRole("button", { name: "Notifications, 2 unread" })).toBeInTheDocument();
    expect(notificationsDb.inbox.every((n) => n.read_at === null)).toBe(true);
  });
});
