import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The Python API serves dist/ from the same origin, so the app uses
// relative URLs (/api/v1/...) and is mounted at the root.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:8000',
        changeOrigin: false,
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Read by scripts/check-budget.mjs to tell initial chunks from lazy ones.
    manifest: true,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
