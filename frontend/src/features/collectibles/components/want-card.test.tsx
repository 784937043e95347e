import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { db, makeCollectible } from "@/testing/handlers";
import { wantsDb } from "@/testing/handlers-wants";
import { currentUrl, renderWithProviders, signIn } from "@/testing/render";

import { WantCard } from "./want-card";

describe("WantCard", () => {
  it("shows what you would pay, and “I bought it” turns the want into an owned item", async () => {
    signIn();
    const item = makeCollectible({ id: 3, name: "Mew", status: "wanted", condition: "near_mint", max_price: "45.00", max_price_currency: "EUR", priority: 2 });
    db.collectibles = [item];
    const { user } = renderWithProviders(<WantCard item={item} canEdit />);
    expect(screen.getByText("€45.00")).toBeInTheDocument();
    expect(screen.getByText("At least Near mint")).toBeInTheDocument();
    expect(screen.getByText("High")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "I bought it" }));
    const form = screen.getByRole("form", { name: "Record the purchase" });
    const price = within(form).getByLabelText(/Price paid/);
    expect(price).toHaveValue("45.00");
    await user.clear(price);
    await user.type(price, "41.50");
    await user.type(within(form).getByLabelText("Shipping"), "3.20");
    await user.click(within(form).getByRole("button", { name: "Move to my collection" }));

    await waitFor(() => expect(currentUrl().pathname).toBe("/collection/3"));
    expect(wantsDb.acquireRequests).toEqual([
      expect.objectContaining({ purchase_price: "41.50", purchase_currency: "EUR", purchase_shipping: "3.20", purchase_fees: null }),
    ]);
    expect(db.collectibles[0]?.status).toBe("owned");
  });

  it("shows the server's refusal on the form", async () => {
    signIn();
    const item = makeCollectible({ id: 5, status: "owned", max_price: "10.00" });
    db.collectibles = [item];
    const { user } = renderWithProviders(<WantCard item={{ ...item, status: "wanted" }} canEdit />);
    await user.click(screen.getByRole("button", { name: "I bought it" }));
    await user.click(screen.getByRole("button", { name: "Move to my collection" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This item is not on the want list.");
  });

  it("a viewer cannot record a purchase", () => {
    const item = makeCollectible({ status: "wanted", max_price: "10.00" });
    renderWithProviders(<WantCard item={item} canEdit={false} />);
    expect(screen.queryByRole("button", { name: "I bought it" })).not.toBeInTheDocument();
  });
});
