import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Two pages: the registered SMART launch page (/launch) and the app it redirects to (/app/). */
export default defineConfig({
  plugins: [react()],
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
      },
    },
  },
});
