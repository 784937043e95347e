import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";

import { Pagination } from "./pagination";
import { ErrorState } from "./states";

describe("shared components in German", () => {
  afterEach(async () => {
    cleanup();
    await changeLanguage("en", false);
  });

  it("translate their default texts", async () => {
    await changeLanguage("de");
    render(<ErrorState error={new TypeError("fetch failed")} onRetry={() => undefined} />);
    expect(screen.getByRole("heading", { name: "Etwas ist schiefgelaufen" })).toBeInTheDocument();
    expect(screen.getByText(/Der Server ist nicht erreichbar/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Erneut versuchen" })).toBeInTheDocument();
  });

  it("put the page numbers into the pager's sentences", async () => {
    await changeLanguage("de");
    render(<Pagination page={2} pageSize={10} count={42} onPageChange={() => undefined} onPageSizeChange={() => undefined} />);
    expect(screen.getByRole("navigation", { name: "Seitennavigation" })).toHaveTextContent("11–20 von 42");
    expect(screen.getByText("2 / 5")).toBeInTheDocument();
    expect(screen.getByLabelText("Pro Seite")).toHaveValue("10");
  });
});
