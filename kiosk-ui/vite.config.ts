/**
 * Vite builds the screens into ../static/ui/, which is committed and compiled into the Rust
 * binary (so `cargo run` needs no Node; `.ci/run` rebuilds and compares). Assets are served
 * from `/assets/`. Vitest runs the unit tests in test/ once, in Node, without a browser.
 */

import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/',
  build: {
    outDir: '../static/ui',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // no inline <script>/<style>: the CSP is default-src 'self'
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // read stylesheets for real (the source rules test scans them)
    css: { include: [/\.css/] },
  },
});
