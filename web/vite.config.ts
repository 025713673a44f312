import { defineConfig } from "vite";

// The app is served by kizunad under /app/ (see web/embed.go); the build goes
// to dist/app, which the Go package embeds.
export default defineConfig({
  base: "/app/",
  build: {
    outDir: "dist/app",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
