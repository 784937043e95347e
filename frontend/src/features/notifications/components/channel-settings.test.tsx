import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { makeChannel, notificationsDb } from "@/testing/handlers-notifications";
import { nth, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { ChannelSettings } from "./channel-settings";

describe("ChannelSettings", () => {
  it("adds a push channel: the URL is sent once and only its mask is shown afterwards", async () => {
    signIn();
    const { user } = renderWithProviders(<ChannelSettings />);
    expect(await screen.findByText("Only the in-app inbox for now")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Add channel" }));
    const form = screen.getByRole("form", { name: "New channel" });
    await user.type(within(form).getByLabelText(/Name/), "Phone");
    await user.selectOptions(within(form).getByLabelText("Type"), "apprise");
    await user.click(within(form).getByRole("button", { name: "Save channel" }));
    expect(await within(form).findByText(/Paste the Apprise URL/)).toBeInTheDocument();

    await user.type(within(form).getByLabelText(/Apprise URL/), "ntfy://ntfy.sh/secret-topic");
    await user.selectOptions(within(form).getByLabelText("Delivery"), "digest");
    await user.type(within(form).getByLabelText("Quiet hours from"), "22:00");
    await user.type(within(form).getByLabelText("Quiet hours until"), "07:00");
    await user.click(within(form).getByRole("button", { name: "Save channel" }));

    const list = await screen.findByRole("list", { name: "Channels" });
    expect(within(list).getByText("ntfy://•••")).toBeInTheDocument();
    expect(within(list).getByText("Daily digest at 08:00")).toBeInTheDocument();
    expect(within(list).getByText("Quiet 22:00–07:00")).toBeInTheDocument();
    expect(screen.queryByText(/secret-topic/)).not.toBeInTheDocument();
    expect(notificationsDb.channelWrites.at(-1)).toMatchObject({
      kind: "apprise",
      apprise_url: "ntfy://ntfy.sh/secret-topic",
      mode: "digest",
      quiet_start: "22:00",
      quiet_end: "07:00",
    });
  });

  it("editing without a new URL keeps the saved one (the field is not sent)", async () => {
    signIn();
    notificationsDb.channels = [makeChannel({ id: 5, name: "Discord", apprise_url_masked: "discord://•••" })];
    const { user } = renderWithProviders(<ChannelSettings />);
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit channel" });
    expect(within(form).getByText(/Saved as discord:\/\/•••/)).toBeInTheDocument();
    await user.clear(within(form).getByLabelText(/Name/));
    await user.type(within(form).getByLabelText(/Name/), "Server");
    await user.click(within(form).getByRole("button", { name: "Save channel" }));
    await screen.findByText("Server");
    expect(notificationsDb.channelWrites.at(-1)).not.toHaveProperty("apprise_url");
  });

  it("send test shows the outcome, including a failure's reason", async () => {
    signIn();
    notificationsDb.channels = [
      makeChannel({ id: 1, name: "Works" }),
      makeChannel({ id: 2, name: "Broken", last_error: "Connection refused by ntfy.example" }),
    ];
    const { user } = renderWithProviders(<ChannelSettings />);
    const cards = await screen.findAllByRole("listitem");
    await user.click(within(nth(cards, 0)).getByRole("button", { name: "Send test" }));
    expect(await within(nth(cards, 0)).findByText("Test message sent.")).toBeInTheDocument();
    await user.click(within(nth(cards, 1)).getByRole("button", { name: "Send test" }));
    const statuses = await within(nth(cards, 1)).findAllByText(/Connection refused by ntfy.example/);
    expect(statuses.length).toBe(2);
  });

  it("send test says so when no worker could send it in time (503)", async () => {
    signIn();
    notificationsDb.channels = [makeChannel({ id: 1, name: "Works" })];
    server.use(
      http.post("/api/v1/notification-channels/:id/test/", () =>
        HttpResponse.json(
          { detail: "No worker could send the test message within 15 seconds; try again in a minute.", code: "check_unavailable" },
          { status: 503 },
        ),
      ),
    );
    const { user } = renderWithProviders(<ChannelSettings />);
    await user.click(await screen.findByRole("button", { name: "Send test" }));
    expect(await screen.findByText(/No worker could send the test message within 15 seconds/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Send test" })).toBeEnabled(); // try again
  });
});
