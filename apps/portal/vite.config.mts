import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The portal: built into dist/portal and served by the API at `/` (same origin, so no CORS).
 * `npm run dev:portal` serves it with hot reload and proxies the API's routes to API_URL.
 * dkfds exports only its JavaScript, so its two themes' CSS files are reached by alias.
 */
const api = process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: here('public'),
  resolve: {
    alias: {
      '@': here('src'),
      'dkfds-css/virk': here('../../node_modules/dkfds/dist/css/dkfds-virkdk.min.css'),
      'dkfds-css/borger': here('../../node_modules/dkfds/dist/css/dkfds-borgerdk.min.css'),
      // One component's script, not the whole bundle (its source modules are ES modules).
      'dkfds-js/tabs': here('../../node_modules/dkfds/src/js/components/tabs.js'),
    },
  },
  build: {
    outDir: here('../../dist/portal'),
    emptyOutDir: true,
    // Fonts and icons become files, never inline data: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    sourcemap: false,
    // The entry chunk holds React, the router, the forms and the generated document map
    // (≈ 200 kB gzipped, measured by bench/portal-size.ts); pages are split per route.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // React libraries mark modules "use client" for server components; meaningless here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.PORTAL_PORT ?? 5173),
    proxy: Object.fromEntries(
      [
        '/graphql',
        '/auth',
        '/health',
        '/dev/mail',
        '/me/plan.pdf',
        '^/citizens/.*/plan\\.pdf$',
      ].map((path) => [path, { target: api, changeOrigin: false }]),
    ),
  },
});
