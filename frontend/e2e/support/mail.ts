/**
 * The mails the e2e backend sent: Django's file backend (EMAIL_URL=filemail://, set in
 * playwright.config.ts) writes each to a file in E2E_MAIL_DIR. Free of Playwright imports,
 * as the config imports it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The e2e stack's data (embedded PostgreSQL, Redis, mails): E2E_DATA_DIR lets two
 * checkouts' runs live side by side (with their own E2E_PORT / E2E_MARKETPLACE_PORT). */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(repoDir, ".data", "e2e");
export const E2E_MAIL_DIR = path.join(E2E_DATA_DIR, "mail");

/** The text of every mail file that mentions `to`, newest first. */
function mailsTo(to: string): string[] {
  let names: string[];
  try {
    names = readdirSync(E2E_MAIL_DIR);
  } catch {
    return []; // nothing sent yet
  }
  return names
    .map((name) => path.join(E2E_MAIL_DIR, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    .map((file) => readFileSync(file, "utf8"))
    .filter((text) => text.includes(`To: ${to}`));
}

/** Waits for a mail to `to` that carries a link to `pathname` and returns that link. */
export async function linkInMail(to: string, pathname: string, timeoutMs = 15_000): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s]+${pathname.replace(/[/?]/g, "\\$&")}\\?[^\\s]+`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const text of mailsTo(to)) {
      const match = pattern.exec(text);
      if (match) return match[0];
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${to} with a ${pathname} link in ${E2E_MAIL_DIR}.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
