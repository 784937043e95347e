import { http, HttpResponse } from "msw";

import type { AlertEvent, AlertRule, AlertRuleRequest } from "@/lib/api/types";

import { now } from "./factories";
import { db } from "./handlers";

// The alerts API of the test server (rules and fired events), apart from handlers.ts.
const API = "/api/v1";

interface AlertsDb {
  rules: AlertRule[];
  events: AlertEvent[];
  /** The body of each rule POST/PATCH, in order. */
  ruleWrites: Partial<AlertRuleRequest>[];
}

const fresh = (): AlertsDb => ({ rules: [], events: [], ruleWrites: [] });
export let alertsDb: AlertsDb = fresh();
export function resetAlertsDb(): void {
  alertsDb = fresh();
}

let nextId = 1;
export function makeAlertRule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: nextId++,
    kind: "price_at_or_below",
    vendor: 1,
    collectible: null,
    collectible_name: null,
    target_amount: "40.00",
    target_currency: "EUR",
    percent: null,
    window_days: null,
    enabled: true,
    armed: true,
    last_fired_at: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

export function makeAlertEvent(overrides: Partial<AlertEvent> = {}): AlertEvent {
  return {
    id: nextId++,
    rule: 1,
    kind: "price_at_or_below",
    collectible: null,
    fired_at: now,
    observation: null,
    price: "35.00",
    currency: "EUR",
    source: "demo",
    url: "",
    message: "Fired",
    notification_id: 1,
    delivered: true,
    ...overrides,
  };
}

const notFound = () => HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 });

export const alertHandlers = [
  http.get(`${API}/alert-rules/`, () => HttpResponse.json({ count: alertsDb.rules.length, next: null, previous: null, results: alertsDb.rules })),
  http.post(`${API}/alert-rules/`, async ({ request }) => {
    const body = (await request.json()) as AlertRuleRequest;
    alertsDb.ruleWrites.push(body);
    // As the API does: the watched item's name comes back with the rule.
    const collectible_name = db.collectibles.find((c) => c.id === body.collectible)?.name ?? null;
    const rule = makeAlertRule({ ...body, collectible_name, target_amount: body.target_amount ?? null, percent: body.percent ?? null, window_days: body.window_days ?? null, target_currency: body.target_currency ?? "" });
    alertsDb.rules.unshift(rule);
    return HttpResponse.json(rule, { status: 201 });
  }),
  http.patch(`${API}/alert-rules/:id/`, async ({ request, params }) => {
    const body = (await request.json()) as Partial<AlertRuleRequest>;
    alertsDb.ruleWrites.push(body);
    const index = alertsDb.rules.findIndex((r) => String(r.id) === params.id);
    const existing = alertsDb.rules[index];
    if (!existing) return notFound();
    const updated = { ...existing, ...body };
    alertsDb.rules[index] = updated;
    return HttpResponse.json(updated);
  }),
  http.delete(`${API}/alert-rules/:id/`, ({ params }) => {
    alertsDb.rules = alertsDb.rules.filter((r) => String(r.id) !== params.id);
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${API}/alert-events/`, () => HttpResponse.json({ count: alertsDb.events.length, next: null, previous: null, results: alertsDb.events })),
];
