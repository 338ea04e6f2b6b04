/**
 * Source rules: every module starts with a header comment, no `any`, no address outside the
 * page's own origin (no fonts, scripts or CDNs), and importing a module sends nothing.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';

const sources = import.meta.glob<string>(['../src/**/*.ts', '../src/**/*.tsx', '../src/**/*.css', '../index.html'], { query: '?raw', import: 'default', eager: true });

const files = Object.entries(sources);

describe('sources', () => {
  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const [path, text] of files) expect(text.length, path).toBeGreaterThan(0);
  });

  it('start with a header comment', () => {
    for (const [path, text] of files) {
      if (path.endsWith('.html')) continue;
      expect(text.trimStart().startsWith('/*') || text.trimStart().startsWith('//'), path).toBe(true);
    }
  });

  it('never use `any`', () => {
    for (const [path, text] of files) {
      expect(/(:\s*any\b|\bas\s+any\b|<any>|any\[\])/.test(text), path).toBe(false);
    }
  });

  it('load nothing from another origin', () => {
    for (const [path, text] of files) {
      expect(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(text.replace(/\/\*[\s\S]*?\*\//g, '')), path).toBe(false);
      expect(/@import|fonts\.googleapis|cdn\./i.test(text), path).toBe(false);
    }
  });
});

describe('importing the modules', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens no socket and sends no request', async () => {
    const fetch = vi.fn();
    const WebSocket = vi.fn();
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('WebSocket', WebSocket);
    vi.resetModules();
    const modules = import.meta.glob(['../src/**/*.ts', '../src/**/*.tsx', '!../src/main.tsx']);
    for (const load of Object.values(modules)) await load();
    expect(Object.keys(modules).length).toBeGreaterThan(10);
    expect(fetch).not.toHaveBeenCalled();
    expect(WebSocket).not.toHaveBeenCalled();
  });
});
