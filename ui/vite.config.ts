import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

import { frozenPrototypes } from './frozen-prototypes';

// Served by Tauri from the app bundle (custom protocol), so every asset path
// must be relative, and nothing may be fetched from the network.
export default defineConfig({
  base: './',
  plugins: [frozenPrototypes(), react()],
  // Keep the Rust compiler's output visible when run by `tauri dev`.
  clearScreen: false,
  // Expose Tauri's build-time variables (platform, debug…) next to our own.
  envPrefix: ['VITE_', 'TAURI_ENV_*'],
  server: {
    // Tauri's devUrl points here: fail rather than silently pick another port.
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Linux builds run in WebKitGTK; Safari 15 is the oldest engine we target.
    target: ['es2021', 'safari15'],
    // One bundle read from the app itself, never over a network: its size costs no download.
    chunkSizeWarningLimit: 1024,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
  },
});
