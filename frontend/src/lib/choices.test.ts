import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage, i18n } from "@/i18n";

import { ApiError, errorFromResponse, NETWORK_ERROR_MESSAGE, networkError } from "./api/errors";
import { CATEGORIES, CONDITIONS, categoryLabel, labelOf, translatedChoices } from "./choices";
import { amountHint, readAmount } from "./money";

const t = i18n.t.bind(i18n);

describe("shared labels and messages", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("keep the English of the old exports, and follow the language when given t", async () => {
    expect(labelOf(CONDITIONS, "near_mint")).toBe("Near mint");
    expect(labelOf(CONDITIONS, "near_mint", t)).toBe("Near mint");
    expect(amountHint("en-US")).toBe("An amount like 12.50 (up to 2 decimals).");
    expect(networkError(null).message).toBe(NETWORK_ERROR_MESSAGE);

    await changeLanguage("de", false);
    expect(labelOf(CONDITIONS, "near_mint")).toBe("Near mint");
    expect(labelOf(CONDITIONS, "near_mint", t)).toBe("Fast neuwertig (Near Mint)");
    expect(categoryLabel("video_game", t)).toBe("Videospiel");
    // Filtered lists keep their vocabulary; unknown values are shown as they are.
    expect(labelOf(CATEGORIES.filter((c) => c.value === "coin"), "coin", t)).toBe("Münze");
    expect(labelOf(CATEGORIES, "spaceship", t)).toBe("spaceship");
    expect(translatedChoices(CATEGORIES, t)[0]).toEqual({ value: "trading_card", label: "Sammelkarte" });
  });

  it("say client-side errors in German, with plurals and the locale's number format", async () => {
    await changeLanguage("de", false);
    expect(readAmount("12,5x", "de-DE")).toEqual({ ok: false, error: "Ein Betrag wie 12,50 (höchstens 2 Nachkommastellen)." });
    expect(readAmount("", "de-DE")).toEqual({ ok: false, error: "Geben Sie einen Betrag ein." });
    const throttled = (seconds: string) =>
      errorFromResponse(new Response(null, { status: 429, headers: { "Retry-After": seconds } }), { detail: "Slow down.", code: "throttled" });
    expect(throttled("1").message).toBe("Zu viele Versuche. Versuchen Sie es in 1 Sekunde erneut.");
    expect(throttled("30").message).toBe("Zu viele Versuche. Versuchen Sie es in 30 Sekunden erneut.");
    const teapot = errorFromResponse(new Response(null, { status: 418 }), undefined);
    expect(teapot).toBeInstanceOf(ApiError);
    expect(teapot.message).toBe("Unerwartete Antwort des Servers (HTTP 418).");

    await changeLanguage("en", false);
    expect(throttled("1").message).toBe("Too many attempts. Try again in 1 second.");
  });
});
