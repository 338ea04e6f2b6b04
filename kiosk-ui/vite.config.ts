/**
 * Vite builds the screens into dist/ (relative asset paths, so the build can be served from
 * any prefix); Vitest runs the unit tests in test/ once, in Node, without a browser.
 */

import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // read stylesheets for real (the source rules test scans them)
    css: { include: [/\.css/] },
  },
});
