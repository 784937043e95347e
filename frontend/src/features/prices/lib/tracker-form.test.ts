import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import { makeTracker } from "@/testing/factories";

import { emptyTrackerValues, toTrackerRequest, trackerFormSchema, trackerFormValues } from "./tracker-form";

const values = (interval_hours: string) => ({ ...emptyTrackerValues(null), url: "https://shop.example/item/1", interval_hours });

describe("a tracker's interval in the user's locale", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("takes German 1,5 hours as 90 minutes", async () => {
    await changeLanguage("de", false);
    expect(toTrackerRequest(trackerFormSchema.parse(values("1,5"))).interval_minutes).toBe(90);
  });

  it("takes English 1.5 hours, and refuses 1,5 in English and less than an hour", () => {
    expect(toTrackerRequest(trackerFormSchema.parse(values("1.5"))).interval_minutes).toBe(90);
    expect(trackerFormSchema.safeParse(values("1,5")).success).toBe(false);
    expect(trackerFormSchema.safeParse(values("0.5")).error?.issues[0]?.message).toBe("At least 1 hour: pages are checked at most hourly.");
  });

  it("fills an edited tracker's hours in German and reads them back", async () => {
    await changeLanguage("de", false);
    const form = trackerFormValues(makeTracker({ interval_minutes: 90 }));
    expect(form.interval_hours).toBe("1,5");
    expect(toTrackerRequest(trackerFormSchema.parse(form)).interval_minutes).toBe(90);
  });
});
