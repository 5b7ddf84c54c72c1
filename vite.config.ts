import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './scripts/service-worker-plugin.ts';

/**
 * Three pages: the registered SMART launch page (/launch), the app it redirects to (/app/) and
 * the admin UI (/admin/), plus the app's service worker (served at /app/sw.js) that keeps the
 * app usable offline.
 */
export default defineConfig({
  plugins: [
    react(),
    serviceWorkerPlugin({
      entry: 'client/service-worker/service-worker.ts',
      page: 'client/index.html',
      pagePath: '/app/',
      fileName: 'sw.js',
    }),
  ],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // fhirpath.js (~1.2 MB) is split out and loaded only when a case uses a FHIRPath trigger.
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      input: {
        launch: resolve(import.meta.dirname, 'launch/index.html'),
        app: resolve(import.meta.dirname, 'client/index.html'),
        admin: resolve(import.meta.dirname, 'admin/index.html'),
      },
    },
  },
});
