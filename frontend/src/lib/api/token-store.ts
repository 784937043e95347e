/**
 * The access token lives only in memory (never localStorage): a reload restores it through
 * the httpOnly refresh cookie. Subscribers hear every change (login, refresh, logout).
 */
type Listener = (token: string | null) => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();

export const tokenStore = {
  get: (): string | null => accessToken,
  set: (token: string | null): void => {
    if (token === accessToken) return;
    accessToken = token;
    for (const listener of listeners) listener(token);
  },
  clear: (): void => tokenStore.set(null),
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
