import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import { makeCollectible } from "@/testing/factories";

import { collectibleFormSchema, emptyFormValues, formValuesFromCollectible, toCollectibleRequest } from "./form-schema";

const request = (values: ReturnType<typeof emptyFormValues>) => toCollectibleRequest(collectibleFormSchema.parse(values), { includeVendor: false });

describe("an item's numbers in the user's locale", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("takes a German grade 9,5 and German prices", async () => {
    await changeLanguage("de", false);
    const body = request({ ...emptyFormValues(1), name: "Charizard", grader: "psa", grade: "9,5", purchase_price: "1.250,50", purchase_fees: "12,50" });
    expect(body).toMatchObject({ grade: "9.5", purchase_price: "1250.50", purchase_fees: "12.50" });
  });

  it("refuses a grade the locale does not write that way, in the user's language", async () => {
    expect(collectibleFormSchema.safeParse({ ...emptyFormValues(1), name: "Coin", grader: "psa", grade: "9,5" }).success).toBe(false);
    await changeLanguage("de", false);
    const refused = collectibleFormSchema.safeParse({ ...emptyFormValues(1), name: "Coin", grader: "psa", grade: "71" });
    expect(refused.error?.issues.map((issue) => issue.message)).toContain("Ein Grading von 1 bis 70, z. B. 9,5.");
  });

  it("fills an edited item in German and saves the same values back", async () => {
    await changeLanguage("de", false);
    const item = makeCollectible({ grader: "psa", grade: "9.5", purchase_price: "41.50", purchase_fees: "1250.00", purchase_shipping: "0.05" });
    const form = formValuesFromCollectible(item);
    expect(form).toMatchObject({ grade: "9,5", purchase_price: "41,50", purchase_fees: "1250,00", purchase_shipping: "0,05" });
    expect(request(form)).toMatchObject({ grade: "9.5", purchase_price: "41.50", purchase_fees: "1250.00", purchase_shipping: "0.05" });
  });

  it("keeps English values as the API writes them", () => {
    const form = formValuesFromCollectible(makeCollectible({ purchase_price: "12.50" }));
    expect(form.purchase_price).toBe("12.50");
    expect(request(form).purchase_price).toBe("12.50");
  });
});
