import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { db, makeVendor } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { CollectionsSettings } from "./collections-settings";

const API = "/api/v1";

function serve() {
  db.vendors = [
    makeVendor({ id: 1, name: "Ada's collection", is_personal: true, role: "owner" }),
    makeVendor({ id: 2, name: "Kanto Cards", is_personal: false, role: "owner" }),
    makeVendor({ id: 3, name: "Club vinyl", is_personal: false, role: "viewer" }),
  ];
  const calls: string[] = [];
  server.use(
    http.get(`${API}/vendors/:id/members/`, () =>
      HttpResponse.json([{ id: 1, role: "owner", created_at: "2025-01-15T10:00:00Z", user: { id: 1, email: "ada@example.com", display_name: "" } }]),
    ),
    http.post(`${API}/vendors/`, async ({ request }) => {
      const body = (await request.json()) as { name: string; default_currency?: string };
      calls.push(`create ${JSON.stringify(body)}`);
      const vendor = makeVendor({ id: 9, name: body.name, is_personal: false, role: "owner", default_currency: body.default_currency ?? "USD" });
      db.vendors = [...db.vendors, vendor];
      return HttpResponse.json(vendor, { status: 201 });
    }),
    http.patch(`${API}/vendors/:id/`, async ({ params, request }) => {
      const { name } = (await request.json()) as { name: string };
      calls.push(`rename ${String(params.id)} ${name}`);
      db.vendors = db.vendors.map((v) => (v.id === Number(params.id) ? { ...v, name } : v));
      return HttpResponse.json(db.vendors.find((v) => v.id === Number(params.id)));
    }),
    http.delete(`${API}/vendors/:id/`, ({ params }) => {
      calls.push(`delete ${String(params.id)}`);
      db.vendors = db.vendors.filter((v) => v.id !== Number(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${API}/vendors/:id/leave/`, ({ params }) => {
      calls.push(`leave ${String(params.id)}`);
      db.vendors = db.vendors.filter((v) => v.id !== Number(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return calls;
}

const render = () =>
  renderWithProviders(
    <>
      <Toaster />
      <CollectionsSettings myUserId={1} />
    </>,
  );

const card = async (name: string) => (await screen.findByRole("heading", { name })).closest("li") as HTMLElement;

describe("CollectionsSettings", () => {
  it("offers each collection what your role allows", async () => {
    signIn();
    serve();
    render();

    const personal = await card("Ada's collection");
    expect(within(personal).getByText("You: Owner")).toBeInTheDocument();
    expect(within(personal).getByRole("button", { name: "Rename" })).toBeInTheDocument();
    expect(within(personal).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
    // The only owner cannot leave.
    expect(within(personal).queryByRole("button", { name: "Leave" })).not.toBeInTheDocument();

    const club = await card("Club vinyl");
    expect(within(club).getByText("You: Viewer")).toBeInTheDocument();
    expect(within(club).getByRole("button", { name: "Leave" })).toBeInTheDocument();
    expect(within(club).queryByRole("button", { name: "Rename" })).not.toBeInTheDocument();
    expect(within(club).getByRole("button", { name: "Members" })).toBeInTheDocument();
  });

  it("creates and renames a collection, saying so each time", async () => {
    signIn();
    const calls = serve();
    const { user } = render();

    await user.click(await screen.findByRole("button", { name: "New collection" }));
    const dialog = screen.getByRole("dialog", { name: "New collection" });
    await user.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(within(dialog).getByText("Give the collection a name.")).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Name/), "Retro games");
    await user.type(within(dialog).getByLabelText(/Currency/), "gbp");
    await user.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(await screen.findByText("“Retro games” created.")).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "Retro games" })).toBeInTheDocument();

    await user.click(within(await card("Kanto Cards")).getByRole("button", { name: "Rename" }));
    const rename = screen.getByRole("dialog", { name: "Rename “Kanto Cards”" });
    await user.clear(within(rename).getByLabelText(/Name/));
    await user.type(within(rename).getByLabelText(/Name/), "Johto Cards");
    await user.click(within(rename).getByRole("button", { name: "Rename" }));
    expect(await screen.findByText("Renamed to “Johto Cards”.")).toBeInTheDocument();
    expect(calls).toEqual([`create {"name":"Retro games","default_currency":"GBP"}`, "rename 2 Johto Cards"]);
  });

  it("deletes after a confirmation that offers the take-out first", async () => {
    signIn();
    const calls = serve();
    const { user } = render();

    await user.click(within(await card("Kanto Cards")).getByRole("button", { name: "Delete" }));
    const confirm = screen.getByRole("alertdialog", { name: "Delete “Kanto Cards”?" });
    expect(within(confirm).getByRole("button", { name: "Download take-out" })).toBeInTheDocument();
    await user.click(within(confirm).getByRole("button", { name: "Delete collection" }));

    expect(await screen.findByText("“Kanto Cards” deleted.")).toBeInTheDocument();
    await expect.poll(() => screen.queryByRole("heading", { name: "Kanto Cards" })).toBeNull();
    expect(calls).toEqual(["delete 2"]);
  });

  it("leaves a shared collection", async () => {
    signIn();
    const calls = serve();
    const { user } = render();

    await user.click(within(await card("Club vinyl")).getByRole("button", { name: "Leave" }));
    await user.click(screen.getByRole("button", { name: "Leave collection" }));

    expect(await screen.findByText("You left “Club vinyl”.")).toBeInTheDocument();
    expect(calls).toEqual(["leave 3"]);
  });
});
