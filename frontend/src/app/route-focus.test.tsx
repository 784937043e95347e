import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { createMemoryRouter, Link, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { RouteFocus } from "./route-focus";

/** A page whose heading appears only once its "data" has loaded (on a click). */
function SlowPage() {
  const [loaded, setLoaded] = useState(false);
  return loaded ? <h1>Item</h1> : <button onClick={() => { setLoaded(true); }}>load</button>;
}

function renderApp() {
  const router = createMemoryRouter(
    [
      {
        Component: RouteFocus,
        children: [
          {
            path: "/",
            element: (
              <main>
                <h1>Dashboard</h1>
                <Link to="/collection">Collection</Link>
                <Link to="/?page=2">Next page</Link>
                <Link to="/slow">Slow</Link>
              </main>
            ),
          },
          { path: "/collection", element: <main><h1>Collection</h1></main> },
          { path: "/slow", element: <main><SlowPage /></main> },
        ],
      },
    ],
    { initialEntries: ["/"] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe("route focus", () => {
  const scrollTo = vi.fn();
  beforeEach(() => {
    scrollTo.mockClear();
    vi.spyOn(window, "scrollTo").mockImplementation(scrollTo);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("leaves the first page alone", () => {
    renderApp();
    expect(document.body).toHaveFocus();
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it("moves focus to the new page's heading and scrolls to the top", async () => {
    renderApp();
    await userEvent.click(screen.getByRole("link", { name: "Collection" }));
    const heading = await screen.findByRole("heading", { name: "Collection" });
    await vi.waitFor(() => { expect(heading).toHaveFocus(); });
    expect(scrollTo).toHaveBeenCalledWith({ top: 0, left: 0 });
  });

  it("does not move focus when only the query string changes", async () => {
    renderApp();
    const link = screen.getByRole("link", { name: "Next page" });
    await userEvent.click(link);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(link).toHaveFocus();
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it("waits for a heading that renders later, unless the user acts first", async () => {
    const router = renderApp();
    await act(() => router.navigate("/slow"));
    // A click is the user acting: the heading that then appears does not steal focus.
    await userEvent.click(screen.getByRole("button", { name: "load" }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.getByRole("heading", { name: "Item" })).not.toHaveFocus();

    await act(() => router.navigate("/"));
    await act(() => router.navigate("/slow"));
    act(() => { screen.getByRole("button", { name: "load" }).click(); }); // no pointer event
    await vi.waitFor(() => { expect(screen.getByRole("heading", { name: "Item" })).toHaveFocus(); });
  });
});
