/**
 * The app's one import of zod, configured before any schema is built: zod would probe
 * `new Function("")` to pick a faster path, and the CSP allows no eval. Importing zod
 * here (not in main.tsx) keeps it out of the first screen's JavaScript: only the forms
 * that validate load it.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
