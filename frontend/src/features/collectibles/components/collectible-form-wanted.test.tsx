import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { CollectibleRequest } from "@/lib/api/types";
import { renderWithProviders } from "@/testing/render";
import { makeVendor } from "@/testing/handlers";

import { emptyFormValues } from "../lib/form-schema";
import { CollectibleForm } from "./collectible-form";

describe("the item form in wanted mode", () => {
  it("asks for a maximum price and priority instead of a purchase, and sends no purchase fields", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn((_body: CollectibleRequest, _options: { alertAtMaxPrice: boolean }) => Promise.resolve());
    renderWithProviders(<CollectibleForm mode="create" vendors={[makeVendor()]} defaultValues={emptyFormValues(1, "wanted")} onSubmit={onSubmit} />);

    expect(screen.queryByRole("textbox", { name: /Price paid/ })).not.toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Charizard");
    await user.click(screen.getByRole("button", { name: "Add item" }));
    expect(screen.getByRole("textbox", { name: /Maximum price/ })).toHaveAccessibleDescription(/What is the most you would pay/);
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(screen.getByRole("textbox", { name: /Maximum price/ }), "45");
    await user.selectOptions(screen.getByRole("combobox", { name: "Priority" }), "1");
    await user.click(screen.getByRole("button", { name: "Add item" }));

    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onSubmit.mock.calls[0]?.[1]).toEqual({ alertAtMaxPrice: true }); // on by default
    expect(onSubmit.mock.calls[0]?.[0]).not.toHaveProperty("alert_at_max_price");
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      status: "wanted",
      max_price: "45.00",
      max_price_currency: "",
      priority: 1,
      purchase_price: null,
      purchase_date: null,
      purchase_currency: "",
    });
  });

  it("the max-price alert box waits for a maximum price, and unticking it creates no alert", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn((_body: CollectibleRequest, _options: { alertAtMaxPrice: boolean }) => Promise.resolve());
    renderWithProviders(<CollectibleForm mode="create" vendors={[makeVendor()]} defaultValues={emptyFormValues(1, "wanted")} onSubmit={onSubmit} />);
    const box = screen.getByRole("checkbox", { name: "Alert me when it is at or below my max price" });
    expect(box).toBeDisabled();
    expect(box).toHaveAccessibleDescription("Give a maximum price first.");

    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Charizard");
    await user.type(screen.getByRole("textbox", { name: /Maximum price/ }), "45");
    expect(box).toBeEnabled();
    expect(box).toBeChecked();
    await user.click(box);
    await user.click(screen.getByRole("button", { name: "Add item" }));

    expect(onSubmit.mock.calls[0]?.[1]).toEqual({ alertAtMaxPrice: false });
  });

  it("editing a want offers no alert box", () => {
    renderWithProviders(
      <CollectibleForm
        mode="edit"
        vendors={[makeVendor()]}
        defaultValues={{ ...emptyFormValues(1, "wanted"), max_price: "45" }}
        onSubmit={() => Promise.resolve()}
      />,
    );
    expect(screen.queryByRole("checkbox", { name: /Alert me/ })).not.toBeInTheDocument();
  });

  it("an owned item sends no maximum price", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn((_body: CollectibleRequest, _options: { alertAtMaxPrice: boolean }) => Promise.resolve());
    renderWithProviders(<CollectibleForm mode="create" vendors={[makeVendor()]} defaultValues={emptyFormValues(1)} onSubmit={onSubmit} />);
    expect(screen.queryByRole("textbox", { name: /Maximum price/ })).not.toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Pikachu");
    await user.click(screen.getByRole("button", { name: "Add item" }));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ status: "owned", max_price: null });
    expect(onSubmit.mock.calls[0]?.[1]).toEqual({ alertAtMaxPrice: false });
  });
});
