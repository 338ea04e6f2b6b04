import { describe, expect, it } from 'vitest';

import { cleanTypedName, fitFontSize, typedNameReady } from '../src/signature/typed';

describe('typed signature', () => {
  it('sends the name trimmed, single-spaced and composed', () => {
    expect(cleanTypedName('  Sam \t  Signer ')).toBe('Sam Signer');
    expect(cleanTypedName('Jose\u0301')).toBe('José');
  });

  it('is ready from 2 to 200 characters', () => {
    expect(typedNameReady(' S ')).toBe(false);
    expect(typedNameReady('Sa')).toBe(true);
    expect(typedNameReady('a'.repeat(200))).toBe(true);
    expect(typedNameReady('a'.repeat(201))).toBe(false);
  });

  it('shrinks the face until the name fits, down to a floor', () => {
    expect(fitFontSize((size) => size * 5, 552)).toBe(72);
    expect(fitFontSize((size) => size * 20, 552)).toBe(26);
    expect(fitFontSize(() => 10_000, 552)).toBe(18);
  });
});
