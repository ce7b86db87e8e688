// Vite build of the network view. `--mode test` makes a test build, which exposes `window.cy` for e2e tests.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Source maps only in test builds: a production build serves no map of its sources.
export default defineConfig(({ mode }) => ({
  root,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: mode === 'test',
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/graphql': process.env.VITE_API ?? 'http://127.0.0.1:4000' } },
}));
