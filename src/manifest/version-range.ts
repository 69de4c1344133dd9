/**
 * Version ranges of a libc family, as manifests write them in `expect` keys:
 * "musl<1.2.4", "glibc>=2.38", "musl>=1.2.4 <1.2.6", "musl=1.2.3". Pure.
 */

export type Op = '<' | '<=' | '>' | '>=' | '=';

export interface VersionRange {
  family: 'glibc' | 'musl';
  /** Every bound must hold (a space between bounds means "and"). */
  bounds: Array<{ op: Op; version: number[] }>;
  /** As written in the manifest. */
  text: string;
}

const keyPattern = /^(glibc|musl)\s*((?:(?:<=|>=|<|>|=)\s*\d+(?:\.\d+)*\s*)+)$/;
const boundPattern = /(<=|>=|<|>|=)\s*(\d+(?:\.\d+)*)/g;

/** True when an expect key is meant as a range (a family followed by an operator). */
export function looksLikeRange(key: string): boolean {
  return /^(glibc|musl)\s*[<>=]/.test(key);
}

/** The range an expect key states, or an error message saying what is wrong with it. */
export function parseRange(key: string): VersionRange | string {
  const m = keyPattern.exec(key.trim());
  if (!m) return `"${key}" is not a version range; write a family and bounds such as "musl<1.2.4", "glibc>=2.38" or "musl>=1.2.4 <1.2.6"`;
  const bounds = [...m[2]!.matchAll(boundPattern)].map((b) => ({ op: b[1] as Op, version: parseVersion(b[2]!) }));
  return { family: m[1] as 'glibc' | 'musl', bounds, text: key };
}

export function parseVersion(text: string): number[] {
  return text.split('.').map(Number);
}

/** The version in a provenance line such as "musl 1.2.5" or "ldd (Debian GLIBC 2.41-12) 2.41". */
export function libcVersionOf(libcLine: string): string | undefined {
  return /(\d+\.\d+(?:\.\d+)?)\s*$/.exec(libcLine.trim())?.[1] ?? /(\d+\.\d+(?:\.\d+)?)/.exec(libcLine)?.[1];
}

export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function inRange(range: VersionRange, version: number[]): boolean {
  return range.bounds.every(({ op, version: v }) => {
    const c = compareVersions(version, v);
    return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : c === 0;
  });
}

/**
 * Whether two ranges of one family share a version. Checked on the interval each range spans
 * (versions are compared as numbers, with a large last component for open ends).
 */
export function rangesOverlap(a: VersionRange, b: VersionRange): boolean {
  if (a.family !== b.family) return false;
  const span = (r: VersionRange) => {
    let lo: { v: number[]; open: boolean } = { v: [0], open: false };
    let hi: { v: number[]; open: boolean } = { v: [1e9], open: false };
    for (const { op, version } of r.bounds) {
      if (op === '>' || op === '>=' || op === '=') {
        const open = op === '>';
        const c = compareVersions(version, lo.v);
        if (c > 0 || (c === 0 && open)) lo = { v: version, open };
      }
      if (op === '<' || op === '<=' || op === '=') {
        const open = op === '<';
        const c = compareVersions(version, hi.v);
        if (c < 0 || (c === 0 && open)) hi = { v: version, open };
      }
    }
    return { lo, hi };
  };
  const x = span(a);
  const y = span(b);
  // Disjoint when one ends before the other starts.
  const before = (hi: { v: number[]; open: boolean }, lo: { v: number[]; open: boolean }) => {
    const c = compareVersions(hi.v, lo.v);
    return c < 0 || (c === 0 && (hi.open || lo.open));
  };
  return !(before(x.hi, y.lo) || before(y.hi, x.lo));
}

/** What the resolver knows about the environment a result came from. */
export interface EnvFacts {
  id: string;
  family: 'glibc' | 'musl';
  /** The libc version from the run's provenance, e.g. "1.2.5". */
  version: string | undefined;
}

/**
 * The expect key that applies to a run: the exact environment id, else the range its version
 * falls in, else the family. Undefined when none is given.
 */
export function expectationKeyFor(keys: string[], env: EnvFacts): string | undefined {
  if (keys.includes(env.id)) return env.id;
  if (env.version !== undefined) {
    const v = parseVersion(env.version);
    for (const key of keys) {
      if (!looksLikeRange(key)) continue;
      const r = parseRange(key);
      if (typeof r !== 'string' && r.family === env.family && inRange(r, v)) return key;
    }
  }
  return keys.includes(env.family) ? env.family : undefined;
}

/** The expectation that applies to a run (see expectationKeyFor). */
export function expectationFor<T>(expect: Record<string, T>, env: EnvFacts): T | undefined {
  const key = expectationKeyFor(Object.keys(expect), env);
  return key === undefined ? undefined : expect[key];
}
