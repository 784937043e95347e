import "./index.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { z } from "zod";

import { AppProviders } from "@/app/providers";
import { createAppRouter } from "@/app/router";
import { queryClient } from "@/lib/query-client";

// Zod would probe `new Function("")` to pick a faster path; the CSP allows no eval.
z.config({ jitless: true });

const router = createAppRouter(queryClient);
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
