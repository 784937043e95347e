import "./index.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";

import { AppProviders } from "@/app/providers";
import { startI18n } from "@/i18n";
import { createAppRouter } from "@/app/router";
import { queryClient } from "@/lib/query-client";
import { followSystemTheme } from "@/lib/theme";

followSystemTheme();
const router = createAppRouter(queryClient);
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const container = root;
// The user's language is known before the first paint: no flash of English for German users.
void startI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});
