import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { makeVendor } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { CollectionMembers } from "./collection-members";

const API = "/api/v1";
const shop = makeVendor({ id: 3, name: "Kanto Cards", is_personal: false, role: "owner" });
const member = (id: number, email: string, role: string) => ({
  id,
  role,
  created_at: "2025-01-15T10:00:00Z",
  user: { id, email, display_name: "" },
});

function serve() {
  const invites: unknown[] = [];
  const open: unknown[] = [];
  server.use(
    http.get(`${API}/vendors/3/members/`, () => HttpResponse.json([member(1, "ada@example.com", "owner"), member(2, "bob@example.com", "viewer")])),
    http.get(`${API}/vendors/3/invitations/`, () => HttpResponse.json(open)),
    http.post(`${API}/vendors/3/invitations/`, async ({ request }) => {
      const body = (await request.json()) as { email: string; role: string };
      invites.push(body);
      if (body.email === "bob@example.com") {
        return HttpResponse.json(
          { detail: "Some fields are not valid.", code: "invalid", fields: { email: ["This person is already a member of this collection."] } },
          { status: 400 },
        );
      }
      const invitation = { id: 9, ...body, invited_by: "Ada", created_at: "2025-01-15T10:00:00Z", expires_at: "2025-01-22T10:00:00Z", expired: false };
      open.push(invitation);
      return HttpResponse.json({ ...invitation, link: "http://localhost/invitations/tok123" }, { status: 201 });
    }),
  );
  return invites;
}

describe("CollectionMembers", () => {
  it("an owner invites by email and gets the link to pass on; the invitation is listed", async () => {
    signIn();
    const invites = serve();
    const { user } = renderWithProviders(<CollectionMembers vendor={shop} myUserId={1} />);

    expect(await screen.findByText("ada@example.com")).toBeInTheDocument();
    expect(screen.getByText("(you)")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove ada@example.com" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Remove bob@example.com" })).toBeInTheDocument();

    const form = screen.getByRole("form", { name: "Invite someone" });
    await user.type(within(form).getByLabelText("Email"), " new@example.com ");
    await user.selectOptions(within(form).getByLabelText("Role"), "editor");
    await user.click(within(form).getByRole("button", { name: "Invite" }));

    expect(await screen.findByLabelText("Invitation link")).toHaveValue("http://localhost/invitations/tok123");
    expect(invites).toEqual([{ email: "new@example.com", role: "editor" }]);
    const list = await screen.findByRole("list", { name: "Open invitations" });
    expect(within(list).getByText("new@example.com")).toBeInTheDocument();
  });

  it("shows the API's reason beside the email field", async () => {
    signIn();
    serve();
    const { user } = renderWithProviders(<CollectionMembers vendor={shop} myUserId={1} />);
    const form = await screen.findByRole("form", { name: "Invite someone" });

    await user.type(within(form).getByLabelText("Email"), "bob@example.com");
    await user.click(within(form).getByRole("button", { name: "Invite" }));

    expect(await within(form).findByText("This person is already a member of this collection.")).toBeInTheDocument();
    expect(screen.queryByLabelText("Invitation link")).not.toBeInTheDocument();
  });

  it("a viewer sees the members and roles, and nothing to manage", async () => {
    signIn();
    serve();
    renderWithProviders(<CollectionMembers vendor={{ ...shop, role: "viewer" }} myUserId={2} />);

    expect(await screen.findByText("bob@example.com")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Invite someone" })).not.toBeInTheDocument();
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Remove/ })).not.toBeInTheDocument();
  });
});
