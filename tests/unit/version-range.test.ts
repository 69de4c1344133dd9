import { describe, expect, it } from 'vitest';
import { expectationFor, expectationKeyFor, inRange, libcVersionOf, parseRange, rangesOverlap, type VersionRange } from '../../src/manifest/version-range.ts';

const range = (key: string) => parseRange(key) as VersionRange;
const v = (s: string) => s.split('.').map(Number);

describe('version ranges in expect keys', () => {
  it('parses a family with one or more bounds', () => {
    expect(range('musl<1.2.4')).toMatchObject({ family: 'musl', bounds: [{ op: '<', version: [1, 2, 4] }] });
    expect(range('glibc >= 2.38')).toMatchObject({ family: 'glibc', bounds: [{ op: '>=', version: [2, 38] }] });
    expect(range('musl>=1.2.4 <1.2.6').bounds).toHaveLength(2);
  });

  it('refuses a key that is not a range, saying what one looks like', () => {
    expect(parseRange('musl<')).toMatch(/not a version range; write a family and bounds such as "musl<1\.2\.4"/);
    expect(parseRange('musl~1.2')).toMatch(/not a version range/);
  });

  it('compares versions numerically, not as text', () => {
    expect(inRange(range('glibc>=2.9'), v('2.36'))).toBe(true);
    expect(inRange(range('musl<1.2.4'), v('1.2.3'))).toBe(true);
    expect(inRange(range('musl<1.2.4'), v('1.2.5'))).toBe(false);
    expect(inRange(range('musl>=1.2.4 <1.2.6'), v('1.2.5'))).toBe(true);
    expect(inRange(range('musl>=1.2.4 <1.2.6'), v('1.2.6'))).toBe(false);
    expect(inRange(range('musl=1.2.5'), v('1.2.5'))).toBe(true);
  });

  it('finds overlapping ranges of one family, and only those', () => {
    expect(rangesOverlap(range('musl<1.2.4'), range('musl>=1.2.4'))).toBe(false);
    expect(rangesOverlap(range('musl<=1.2.4'), range('musl>=1.2.4'))).toBe(true);
    expect(rangesOverlap(range('musl<1.2.5'), range('musl>=1.2.4'))).toBe(true);
    expect(rangesOverlap(range('musl=1.2.3'), range('musl=1.2.5'))).toBe(false);
    expect(rangesOverlap(range('musl<1.2.4'), range('glibc<2.38'))).toBe(false);
  });

  it('reads the version from a provenance line', () => {
    expect(libcVersionOf('musl 1.2.5')).toBe('1.2.5');
    expect(libcVersionOf('ldd (Debian GLIBC 2.41-12) 2.41')).toBe('2.41');
  });
});

describe('which expectation applies to a run', () => {
  const expect_ = {
    musl: { outcome: 'ok' },
    'musl<1.2.4': { outcome: 'exit', change: 'musl 1.2.4 WHATSNEW' },
    glibc: { outcome: 'ok' },
    'glibc-bookworm': { outcome: 'signal', change: 'glibc 2.37 NEWS' },
  };
  const keys = Object.keys(expect_);

  it('prefers the exact environment, then a range, then the family', () => {
    expect(expectationKeyFor(keys, { id: 'glibc-bookworm', family: 'glibc', version: '2.36' })).toBe('glibc-bookworm');
    expect(expectationKeyFor(keys, { id: 'musl-bookworm', family: 'musl', version: '1.2.3' })).toBe('musl<1.2.4');
    expect(expectationKeyFor(keys, { id: 'musl-trixie', family: 'musl', version: '1.2.5' })).toBe('musl');
    expect(expectationKeyFor(keys, { id: 'glibc-trixie', family: 'glibc', version: '2.41' })).toBe('glibc');
  });

  it('keeps a family key meaning every version of that family (manifests written before versions)', () => {
    for (const version of ['1.2.3', '1.2.5', '1.2.6']) {
      expect(expectationFor({ musl: { outcome: 'ok' } }, { id: `musl-x`, family: 'musl', version })).toEqual({ outcome: 'ok' });
    }
  });

  it('applies nothing when no key matches', () => {
    expect(expectationFor({ 'musl<1.2.4': { outcome: 'ok' } }, { id: 'musl-trixie', family: 'musl', version: '1.2.5' })).toBeUndefined();
    expect(expectationFor({ musl: { outcome: 'ok' } }, { id: 'glibc-trixie', family: 'glibc', version: '2.41' })).toBeUndefined();
  });
});
