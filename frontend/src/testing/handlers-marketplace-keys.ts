import { http, HttpResponse } from "msw";

import type { MarketplaceCredential, MarketplaceCredentialChanges, MarketplaceCredentialRequest, MarketplaceProvider } from "@/lib/api/types";

import { now } from "./factories";

// The marketplace-credentials API of the test server, kept apart from handlers.ts so each
// feature's fake stays small. It validates like users/credentials_api.py: the provider's
// fields only, each one word of printable characters, one key per provider.
const API = "/api/v1";

type Secrets = Pick<MarketplaceCredentialRequest, "token" | "client_id" | "client_secret">;
type SecretName = keyof Secrets;
const FIELDS: Record<MarketplaceProvider, SecretName[]> = { discogs: ["token"], ebay: ["client_id", "client_secret"] };

interface MarketplaceKeysDb {
  credentials: MarketplaceCredential[];
  /** The body of each POST/PATCH, in order (to assert what the form sent). */
  writes: MarketplaceCredentialChanges[];
}

const fresh = (): MarketplaceKeysDb => ({ credentials: [], writes: [] });
export let marketplaceKeysDb: MarketplaceKeysDb = fresh();
export function resetMarketplaceKeysDb(): void {
  marketplaceKeysDb = fresh();
}

/** As core.encryption.masked: `•••` and, for a long key, its last four characters. */
export function maskedKey(secret: string | undefined): string {
  if (!secret) return "";
  return secret.length >= 16 ? `•••${secret.slice(-4)}` : "•••";
}

let nextId = 1;
export function makeCredential(overrides: Partial<MarketplaceCredential> = {}): MarketplaceCredential {
  return {
    id: overrides.id ?? nextId++,
    provider: "discogs",
    token_masked: "•••a1b2",
    client_id_masked: "",
    client_secret_masked: "",
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

const invalid = (fields: Record<string, string[]>) =>
  HttpResponse.json({ detail: "Some fields are not valid.", code: "invalid", fields }, { status: 400 });

function secretErrors(provider: MarketplaceProvider, body: Secrets, creating: boolean): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const name of ["token", "client_id", "client_secret"] as const) {
    const value = body[name];
    if (value === undefined) {
      if (creating && FIELDS[provider].includes(name)) fields[name] = [`A ${provider} key needs it.`];
    } else if (!FIELDS[provider].includes(name)) fields[name] = [`A ${provider} key has no ${name}.`];
    else if (value.trim() === "" || /\s/.test(value.trim())) fields[name] = ["A key is one word of printable characters."];
  }
  return fields;
}

function withSecrets(credential: MarketplaceCredential, body: Secrets): MarketplaceCredential {
  return {
    ...credential,
    token_masked: body.token ? maskedKey(body.token.trim()) : credential.token_masked,
    client_id_masked: body.client_id ? maskedKey(body.client_id.trim()) : credential.client_id_masked,
    client_secret_masked: body.client_secret ? maskedKey(body.client_secret.trim()) : credential.client_secret_masked,
    updated_at: now,
  };
}

export const marketplaceKeyHandlers = [
  http.get(`${API}/marketplace-credentials/`, () => HttpResponse.json(marketplaceKeysDb.credentials)),
  http.post(`${API}/marketplace-credentials/`, async ({ request }) => {
    const body = (await request.json()) as MarketplaceCredentialRequest;
    marketplaceKeysDb.writes.push(body);
    const errors = secretErrors(body.provider, body, true);
    if (Object.keys(errors).length > 0) return invalid(errors);
    if (marketplaceKeysDb.credentials.some((c) => c.provider === body.provider)) {
      return invalid({ provider: [`You already saved a ${body.provider} key; change that one.`] });
    }
    const credential = withSecrets(makeCredential({ provider: body.provider, token_masked: "" }), body);
    marketplaceKeysDb.credentials.push(credential);
    return HttpResponse.json(credential, { status: 201 });
  }),
  http.patch(`${API}/marketplace-credentials/:id/`, async ({ request, params }) => {
    const body = (await request.json()) as MarketplaceCredentialChanges;
    marketplaceKeysDb.writes.push(body);
    const index = marketplaceKeysDb.credentials.findIndex((c) => String(c.id) === params.id);
    const existing = marketplaceKeysDb.credentials[index];
    if (!existing) return HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 });
    const errors = secretErrors(existing.provider, body, false);
    if (Object.keys(errors).length > 0) return invalid(errors);
    const updated = withSecrets(existing, body);
    marketplaceKeysDb.credentials[index] = updated;
    return HttpResponse.json(updated);
  }),
  http.delete(`${API}/marketplace-credentials/:id/`, ({ params }) => {
    marketplaceKeysDb.credentials = marketplaceKeysDb.credentials.filter((c) => String(c.id) !== params.id);
    return new HttpResponse(null, { status: 204 });
  }),
];
