import { i18n } from "@/i18n";
import type en from "@/i18n/en/collectibles";
import { z } from "@/lib/zod";

import type { Collectible, CollectiblePriority, CollectibleRequest } from "@/lib/api/types";
import { CATEGORIES, COMPLETENESS, CONDITIONS, FINISHES, GRADERS, LANGUAGES, MARKET_REGIONS, type Choice } from "@/lib/choices";
import { amountHint, amountOrNull, decimalInput, isAmountOrEmpty, readDecimal } from "@/lib/money";
import { isIsoDate } from "@/lib/utils";

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
export const MAX_EXTERNAL_IDS = 20;
export const MAX_EXTERNAL_ID_KEY_LENGTH = 50;
export const MAX_EXTERNAL_ID_VALUE_LENGTH = 200;

const values = <T extends string>(choices: Choice<T>[]) => choices.map((c) => c.value) as [T, ...T[]];
const optionalChoice = <T extends string>(choices: Choice<T>[]) => z.union([z.enum(values(choices)), z.literal("")]);
type ErrorKey = keyof (typeof en)["errors"];
type AtMostKey = "maxChars" | "maxExternalIds" | "maxTags";

/** A validation message in the app's language, looked up when a value is checked (so it
 * follows a change of language), never when this module loads. */
export function errorText(key: Exclude<ErrorKey, AtMostKey | "duplicateMarketplace" | "grade">): string {
  return i18n.t(`collectibles:errors.${key}`);
}
const atMost = (key: AtMostKey, max: number): string => i18n.t(`collectibles:errors.${key}`, { max });
const message = (key: Parameters<typeof errorText>[0]) => ({ error: () => errorText(key) });
const maxChars = (max: number) => ({ error: () => atMost("maxChars", max) });
const optionalDate = () => z.string().refine((v) => v === "" || isIsoDate(v), message("date"));
const optionalAmount = () => z.string().trim().refine((v) => isAmountOrEmpty(v), { error: () => amountHint() });
/** A currency code, or empty for the collection's own (the acquire dialog's too). */
export const optionalCurrency = () => z.string().trim().refine((v) => v === "" || /^[A-Za-z]{3}$/.test(v), message("currency"));

/** A grade as the locale writes it ("9,5" in German), one decimal, 1 to 70 (coins go to 70). */
const isGrade = (v: string) => {
  const grade = Number(readDecimal(v, 1) ?? Number.NaN);
  return grade >= 1 && grade <= 70;
};
const gradeError = () => i18n.t("collectibles:errors.grade", { example: decimalInput("9.5") });

export const MAX_LOCATION_LENGTH = 100;
export const MAX_CERT_NUMBER_LENGTH = 40;

/** Today as yyyy-mm-dd in the user's own calendar (the default sale date). */
export function todayIso(): string {
  const now = new Date();
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** One row of the marketplace → id editor. */
export const externalIdRowSchema = z.object({ key: z.string(), value: z.string() });

/**
 * Rows must have a marketplace name and an id, and no name twice (the API stores an
 * object, so a duplicate would silently overwrite). Errors land on the offending row.
 */
export const externalIdsSchema = z
  .array(externalIdRowSchema)
  .max(MAX_EXTERNAL_IDS, { error: () => atMost("maxExternalIds", MAX_EXTERNAL_IDS) })
  .superRefine((rows, ctx) => {
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      const key = row.key.trim();
      if (!key) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: errorText("marketplaceName") });
      } else if (key.length > MAX_EXTERNAL_ID_KEY_LENGTH) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: atMost("maxChars", MAX_EXTERNAL_ID_KEY_LENGTH) });
      } else if (seen.has(key.toLowerCase())) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: i18n.t("collectibles:errors.duplicateMarketplace", { marketplace: key }) });
      } else {
        seen.set(key.toLowerCase(), index);
      }
      const value = row.value.trim();
      if (!value) {
        ctx.addIssue({ code: "custom", path: [index, "value"], message: errorText("marketplaceId") });
      } else if (value.length > MAX_EXTERNAL_ID_VALUE_LENGTH) {
        ctx.addIssue({ code: "custom", path: [index, "value"], message: atMost("maxChars", MAX_EXTERNAL_ID_VALUE_LENGTH) });
      }
    });
  });

export const collectibleFormSchema = z
  .object({
    vendor: z.string(),
    name: z.string().trim().min(1, message("name")).max(200, maxChars(200)),
    category: z.enum(values(CATEGORIES)),
    set_name: z.string().max(200, maxChars(200)),
    number: z.string().max(40, maxChars(40)),
    condition: z.enum(values(CONDITIONS)),
    completeness: optionalChoice(COMPLETENESS),
    grader: optionalChoice(GRADERS),
    grade: z.string().trim().refine((v) => v === "" || isGrade(v), { error: () => gradeError() }),
    quantity: z.string().trim().refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 2147483647, message("quantity")),
    purchase_price: optionalAmount(),
    purchase_currency: optionalCurrency(),
    purchase_date: optionalDate(),
    purchase_fees: optionalAmount(),
    purchase_shipping: optionalAmount(),
    location: z.string().trim().max(MAX_LOCATION_LENGTH, maxChars(MAX_LOCATION_LENGTH)),
    cert_number: z.string().trim().max(MAX_CERT_NUMBER_LENGTH, maxChars(MAX_CERT_NUMBER_LENGTH)),
    status: z.enum(["owned", "sold", "wanted"]),
    max_price: optionalAmount(),
    max_price_currency: optionalCurrency(),
    priority: z.enum(["1", "2", "3", "4", "5"]),
    /** Adding a want: also create its "price at or below my max price" alert (not sent with the item). */
    alert_at_max_price: z.boolean(),
    sale_price: optionalAmount(),
    sale_currency: optionalCurrency(),
    sale_date: optionalDate(),
    sale_fees: optionalAmount(),
    notes: z.string(),
    tags: z.array(z.string()).max(MAX_TAGS, { error: () => atMost("maxTags", MAX_TAGS) }),
    external_ids: externalIdsSchema,
    // Checked in superRefine only for trading cards: hidden fields must not block saving.
    card_details: z.object({
      game: z.string(),
      language: optionalChoice(LANGUAGES),
      market_region: optionalChoice(MARKET_REGIONS),
      rarity: z.string(),
      finish: optionalChoice(FINISHES),
      release_date: z.string(),
      set_code: z.string(),
    }),
  })
  .superRefine((v, ctx) => {
    if (v.grader && !v.grade) ctx.addIssue({ code: "custom", path: ["grade"], message: errorText("gradeNeeded") });
    if (v.grade && !v.grader) ctx.addIssue({ code: "custom", path: ["grader"], message: errorText("graderNeeded") });
    if (v.cert_number && !v.grader) ctx.addIssue({ code: "custom", path: ["cert_number"], message: errorText("certNeedsGrader") });
    if (v.status === "wanted" && !v.max_price) {
      ctx.addIssue({ code: "custom", path: ["max_price"], message: errorText("maxPrice") });
    }
    if (v.status === "sold") {
      if (!v.sale_price) ctx.addIssue({ code: "custom", path: ["sale_price"], message: errorText("salePrice") });
      if (!v.sale_date) ctx.addIssue({ code: "custom", path: ["sale_date"], message: errorText("saleDate") });
    }
    if (v.category === "trading_card") {
      const card = v.card_details;
      const limits = [["game", 100], ["rarity", 60], ["set_code", 20]] as const;
      for (const [key, max] of limits) {
        if (card[key].length > max) ctx.addIssue({ code: "custom", path: ["card_details", key], message: atMost("maxChars", max) });
      }
      if (card.release_date && !isIsoDate(card.release_date)) {
        ctx.addIssue({ code: "custom", path: ["card_details", "release_date"], message: errorText("date") });
      }
    }
  });

export type CollectibleFormValues = z.infer<typeof collectibleFormSchema>;

export const emptyCardDetails: CollectibleFormValues["card_details"] = {
  game: "",
  language: "",
  market_region: "",
  rarity: "",
  finish: "",
  release_date: "",
  set_code: "",
};

export function emptyFormValues(vendor: number | null, status: CollectibleFormValues["status"] = "owned"): CollectibleFormValues {
  return {
    vendor: vendor === null ? "" : String(vendor),
    name: "",
    category: "trading_card",
    set_name: "",
    number: "",
    condition: "near_mint",
    completeness: "",
    grader: "",
    grade: "",
    quantity: "1",
    purchase_price: "",
    purchase_currency: "",
    purchase_date: "",
    purchase_fees: "",
    purchase_shipping: "",
    location: "",
    cert_number: "",
    status,
    max_price: "",
    max_price_currency: "",
    priority: "3",
    alert_at_max_price: true,
    sale_price: "",
    sale_currency: "",
    sale_date: "",
    sale_fees: "",
    notes: "",
    tags: [],
    external_ids: [],
    card_details: { ...emptyCardDetails },
  };
}

/** An item's values in the form: decimals (prices, the grade) written the locale's way,
 * "41,50" in German, and read back to the same API value by `toCollectibleRequest`. */
export function formValuesFromCollectible(item: Collectible): CollectibleFormValues {
  const card = item.card_details;
  return {
    vendor: item.vendor === undefined ? "" : String(item.vendor),
    name: item.name,
    category: item.category,
    set_name: item.set_name ?? "",
    number: item.number ?? "",
    condition: item.condition ?? "near_mint",
    completeness: item.completeness ?? "",
    grader: item.grader ?? "",
    grade: decimalInput(item.grade),
    quantity: String(item.quantity ?? 1),
    purchase_price: decimalInput(item.purchase_price),
    purchase_currency: item.purchase_currency ?? "",
    purchase_date: item.purchase_date ?? "",
    purchase_fees: decimalInput(item.purchase_fees),
    purchase_shipping: decimalInput(item.purchase_shipping),
    location: item.location ?? "",
    cert_number: item.cert_number ?? "",
    status: item.status ?? "owned",
    max_price: decimalInput(item.max_price),
    max_price_currency: item.max_price_currency ?? "",
    priority: String(item.priority ?? 3) as CollectibleFormValues["priority"],
    alert_at_max_price: false, // offered when a want is added, not when it is edited
    sale_price: decimalInput(item.sale_price),
    sale_currency: item.sale_currency ?? "",
    sale_date: item.sale_date ?? "",
    sale_fees: decimalInput(item.sale_fees),
    notes: item.notes ?? "",
    tags: item.tags ?? [],
    external_ids: Object.entries(item.external_ids ?? {}).map(([key, value]) => ({ key, value })),
    card_details: card
      ? {
          game: card.game ?? "",
          language: card.language ?? "",
          market_region: card.market_region ?? "",
          rarity: card.rarity ?? "",
          finish: card.finish ?? "",
          release_date: card.release_date ?? "",
          set_code: card.set_code ?? "",
        }
      : { ...emptyCardDetails },
  };
}

/** Whether adding this item should also create its "price at or below my max price" alert:
 * a want with a maximum price, the box left ticked. */
export function wantsMaxPriceAlert(values: CollectibleFormValues): boolean {
  return values.status === "wanted" && values.max_price.trim() !== "" && values.alert_at_max_price;
}

/** The request body: blanks become null where the API wants null, card details only for cards. */
export function toCollectibleRequest(values: CollectibleFormValues, { includeVendor }: { includeVendor: boolean }): CollectibleRequest {
  const sold = values.status === "sold";
  // A wanted item has no purchase yet (the API refuses one): "I bought it" records it.
  const wanted = values.status === "wanted";
  const body: CollectibleRequest = {
    name: values.name.trim(),
    category: values.category,
    set_name: values.set_name.trim(),
    number: values.number.trim(),
    condition: values.condition,
    completeness: values.completeness,
    grader: values.grader,
    grade: readDecimal(values.grade, 1),
    quantity: Number(values.quantity),
    purchase_price: wanted ? null : amountOrNull(values.purchase_price),
    purchase_currency: wanted ? "" : values.purchase_currency.toUpperCase(),
    purchase_date: wanted ? null : values.purchase_date || null,
    purchase_fees: wanted ? null : amountOrNull(values.purchase_fees),
    purchase_shipping: wanted ? null : amountOrNull(values.purchase_shipping),
    location: values.location.trim(),
    // Only a graded item has a certificate (the API refuses one without a grader).
    cert_number: values.grader ? values.cert_number.trim() : "",
    status: values.status,
    max_price: wanted ? amountOrNull(values.max_price) : null,
    max_price_currency: wanted ? values.max_price_currency.toUpperCase() : "",
    priority: Number(values.priority) as CollectiblePriority,
    // Sale details belong to sold items only: back to owned clears them.
    sale_price: sold ? amountOrNull(values.sale_price) : null,
    sale_currency: sold ? values.sale_currency.toUpperCase() : "",
    sale_date: sold ? values.sale_date : null,
    sale_fees: sold ? amountOrNull(values.sale_fees) : null,
    notes: values.notes,
    tags: values.tags,
    external_ids: Object.fromEntries(values.external_ids.map((row) => [row.key.trim(), row.value.trim()])),
    card_details:
      values.category === "trading_card"
        ? { ...values.card_details, release_date: values.card_details.release_date || null }
        : null,
  };
  if (includeVendor && values.vendor) body.vendor = Number(values.vendor);
  return body;
}
