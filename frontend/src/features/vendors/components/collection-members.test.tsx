import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, onTestFinished, vi } from "vitest";

import { UNDO_WINDOW_MS } from "@/components/delete-with-undo";
import { Toaster } from "@/components/ui/toast";
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

/** Serves the members and one open invitation, recording every DELETE (answered 204, or `status`). */
function serveDeletes(status = 204) {
  const deletes: string[] = [];
  let members = [member(1, "ada@example.com", "owner"), member(2, "bob@example.com", "viewer")];
  let open = [{ id: 9, email: "cy@example.com", role: "editor", invited_by: "Ada", created_at: "2025-01-15T10:00:00Z", expires_at: "2025-01-22T10:00:00Z", expired: false }];
  const refused = () => HttpResponse.json({ detail: "A collection keeps at least one owner.", code: "invalid" }, { status });
  server.use(
    http.get(`${API}/vendors/3/members/`, () => HttpResponse.json(members)),
    http.get(`${API}/vendors/3/invitations/`, () => HttpResponse.json(open)),
    http.delete(`${API}/vendors/3/members/:id/`, ({ params }) => {
      deletes.push(`member ${String(params.id)}`);
      if (status !== 204) return refused();
      members = members.filter((m) => String(m.id) !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${API}/vendors/3/invitations/:id/`, ({ params }) => {
      deletes.push(`invitation ${String(params.id)}`);
      if (status !== 204) return refused();
      open = open.filter((i) => String(i.id) !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return deletes;
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

describe("CollectionMembers: removing people", () => {
  /** The undo window can be skipped; real time runs on for the requests and clicks. */
  function skippableUndoWindow() {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    return () => act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
  }
  function renderMembers() {
    signIn();
    return renderWithProviders(
      <>
        <CollectionMembers vendor={shop} myUserId={1} />
        <Toaster />
      </>,
    );
  }

  it("asks before removing a member, naming who and from what; Cancel keeps them", async () => {
    const deletes = serveDeletes();
    const { user } = renderMembers();
    await user.click(await screen.findByRole("button", { name: "Remove bob@example.com" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Remove bob@example.com from Kanto Cards?" });
    expect(dialog).toHaveAccessibleDescription(/can no longer see or change this collection/);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(screen.getByText("bob@example.com")).toBeInTheDocument();
    expect(deletes).toEqual([]);
  });

  it("removes a member once confirmed, with an Undo that keeps them and sends nothing", async () => {
    const passWindow = skippableUndoWindow();
    const deletes = serveDeletes();
    const { user } = renderMembers();
    await user.click(await screen.findByRole("button", { name: "Remove bob@example.com" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Remove member" }));

    expect(await screen.findByText("bob@example.com was removed.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove bob@example.com" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("Restored.")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Remove bob@example.com" })).toBeInTheDocument();
    await passWindow();
    expect(deletes).toEqual([]);
  });

  it("sends the removal when the undo window has passed", async () => {
    const passWindow = skippableUndoWindow();
    const deletes = serveDeletes();
    const { user } = renderMembers();
    await user.click(await screen.findByRole("button", { name: "Remove bob@example.com" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Remove member" }));
    await passWindow();
    await waitFor(() => expect(deletes).toEqual(["member 2"]));
    expect(screen.queryByText("bob@example.com")).not.toBeInTheDocument();
  });

  it("revokes an invitation with an Undo that keeps its link working", async () => {
    const passWindow = skippableUndoWindow();
    const deletes = serveDeletes();
    const { user } = renderMembers();
    const list = await screen.findByRole("list", { name: "Open invitations" });
    await user.click(within(list).getByRole("button", { name: "Revoke the invitation of cy@example.com" }));

    expect(screen.getByText("Invitation of cy@example.com revoked.")).toBeInTheDocument();
    expect(await screen.findByText("No open invitations.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("cy@example.com")).toBeInTheDocument();
    await passWindow();
    expect(deletes).toEqual([]);
  });

  it("brings the invitation back and says why when revoking it fails", async () => {
    const passWindow = skippableUndoWindow();
    const deletes = serveDeletes(400);
    const { user } = renderMembers();
    const list = await screen.findByRole("list", { name: "Open invitations" });
    await user.click(within(list).getByRole("button", { name: "Revoke the invitation of cy@example.com" }));
    await passWindow();
    expect(await screen.findByText("Could not delete: A collection keeps at least one owner.")).toBeInTheDocument();
    expect(deletes).toEqual(["invitation 9"]);
    expect(await screen.findByText("cy@example.com")).toBeInTheDocument();
  });
});
