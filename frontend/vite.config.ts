/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";

import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";

// The Django backend that `npm run dev` proxies /api, /admin and /static to.
// Override with BACKEND_URL=http://host:port npm run dev.
export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), ""), ...process.env };
  const backend = env.BACKEND_URL || "http://127.0.0.1:8000";
  const proxy = Object.fromEntries(
    ["/api", "/admin", "/static"].map((prefix) => [prefix, { target: backend, changeOrigin: false }]),
  );

  return {
    base: "/",
    plugins: [react(), tailwindcss()],
    resolve: {
      alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
    },
    server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
    preview: { host: "127.0.0.1", port: 4173, proxy },
    build: {
      outDir: "dist",
      assetsDir: "assets",
      reportCompressedSize: true,
      sourcemap: true,
    },
    test: {
      globals: true,
      environment: "jsdom",
      setupFiles: ["./src/testing/setup.ts"],
      css: false,
      restoreMocks: true,
      include: ["src/**/*.test.{ts,tsx}"],
      // The machine's two cores are shared: a wide table clicked through with user-event can
      // take several seconds under load without anything being wrong.
      testTimeout: 15_000,
    },
  };
});
