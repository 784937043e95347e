export const paths = {
  home: "/",
  login: "/login",
  register: "/register",
  collection: "/collection",
  collectibleNew: "/collection/new",
  collectible: (id: number | string) => `/collection/${String(id)}`,
  collectibleEdit: (id: number | string) => `/collection/${String(id)}/edit`,
  imports: "/import",
  wants: "/wants",
  wantNew: "/wants/new",
  alerts: "/alerts",
  settings: "/settings",
  settingsSecurity: "/settings/security",
  settingsAccount: "/settings/account",
  notificationSettings: "/settings/notifications",
  collectionSettings: "/settings/collections",
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  shared: (token: string) => `/share/${encodeURIComponent(token)}`,
  profile: (slug: string) => `/p/${encodeURIComponent(slug)}`,
  forgotPassword: "/forgot-password",
  resetPassword: "/reset-password",
  verifyEmail: "/verify-email",
  search: (q?: string) => (q ? `/search?q=${encodeURIComponent(q)}` : "/search"),
} as const;

/** Only same-app relative paths are accepted as a post-login destination (default: the dashboard). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return paths.home;
  return next;
}
