/**
 * What a fresh `npm install` changed in package-lock.json, sorted into what
 * matters on this machine and what does not.
 *
 * Why this exists: platform packages (napi-rs style `-darwin-arm64`, `-win32-x64`
 * …) are published separately from the package that lists them as optional
 * dependencies, so the registry can serve more of them later than when the
 * lockfile was written. npm then records them on the next install, and a plain
 * "lockfile unchanged" check fails a fresh machine although nothing it installs
 * has changed. An entry that is optional and cannot be installed on this
 * platform is reported, not failed; any other change is a real drift.
 */

export interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

export interface Platform {
  os: string;
  cpu: string;
  /** "glibc" or "musl" on Linux; undefined elsewhere. */
  libc?: string;
}

export interface LockfileDrift {
  /** Entries added by the install that this machine would never install (other platforms). */
  otherPlatforms: string[];
  /** Everything else that differs: these change what is installed here. */
  changes: string[];
}

/** npm's rule for os/cpu/libc lists: a plain name allows it, "!name" forbids it. */
function listAllows(list: string[] | undefined, value: string | undefined): boolean {
  if (!list || list.length === 0) return true;
  if (value === undefined) return false;
  if (list.includes(`!${value}`)) return false;
  const positives = list.filter((v) => !v.startsWith('!'));
  return positives.length === 0 || positives.includes(value);
}

export function installableHere(entry: LockEntry, here: Platform): boolean {
  return listAllows(entry.os, here.os) && listAllows(entry.cpu, here.cpu) && (entry.libc === undefined || listAllows(entry.libc, here.libc));
}

const packageName = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/**
 * The added optional entries this machine never installs: those whose os/cpu/libc
 * exclude it, and (to a fixed point) the optional helpers nested under them or that
 * only such entries depend on, e.g. the wasm runtime of a `-wasm32-wasi` binding.
 */
function otherPlatformOnly(packages: Record<string, LockEntry>, added: (path: string) => boolean, here: Platform): Set<string> {
  const out = new Set<string>();
  const candidates = Object.keys(packages).filter((p) => p !== '' && added(p) && packages[p]!.optional);
  for (const p of candidates) if (!installableHere(packages[p]!, here)) out.add(p);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of candidates) {
      if (out.has(p)) continue;
      // A copy nested in another package's node_modules/ serves only that package's subtree.
      const nestedUnder = [...out].some((o) => p.startsWith(`${o}/node_modules/`));
      const name = packageName(p);
      const dependents = Object.entries(packages).filter(([, e]) => name in (e.dependencies ?? {}) || name in (e.optionalDependencies ?? {}));
      if (nestedUnder || (dependents.length > 0 && dependents.every(([d]) => out.has(d)))) {
        out.add(p);
        grew = true;
      }
    }
  }
  return out;
}

const compared = ['version', 'resolved', 'integrity', 'dependencies', 'optionalDependencies', 'devDependencies'] as const;

function differs(a: LockEntry, b: LockEntry): string[] {
  return compared.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}

/** Compares the committed lockfile with the one an install left behind. */
export function lockfileDrift(committed: Lockfile, installed: Lockfile, here: Platform): LockfileDrift {
  const before = committed.packages ?? {};
  const after = installed.packages ?? {};
  const drift: LockfileDrift = { otherPlatforms: [], changes: [] };
  if (committed.lockfileVersion !== installed.lockfileVersion) {
    drift.changes.push(`lockfileVersion ${committed.lockfileVersion} → ${installed.lockfileVersion}`);
  }
  const elsewhere = otherPlatformOnly(after, (path) => !(path in before), here);
  for (const [path, entry] of Object.entries(after)) {
    const old = before[path];
    const name = path || '(the project itself)';
    if (!old) {
      if (elsewhere.has(path)) drift.otherPlatforms.push(name);
      else drift.changes.push(`added ${name}@${entry.version ?? '?'}`);
      continue;
    }
    const fields = differs(old, entry);
    if (fields.length > 0) drift.changes.push(`changed ${name}: ${fields.join(', ')}`);
  }
  for (const path of Object.keys(before)) {
    if (!(path in after)) drift.changes.push(`removed ${path || '(the project itself)'}`);
  }
  return drift;
}

/** What setup prints; `failed` is true only for changes that alter this machine's install. */
export function describeDrift(drift: LockfileDrift): { failed: boolean; lines: string[] } {
  const lines: string[] = [];
  if (drift.changes.length > 0) {
    lines.push(`package-lock.json does not match package.json: npm install changed ${drift.changes.length} entr${drift.changes.length === 1 ? 'y' : 'ies'}:`);
    lines.push(...drift.changes.slice(0, 20).map((c) => `  ${c}`));
    if (drift.changes.length > 20) lines.push(`  … and ${drift.changes.length - 20} more`);
    lines.push('Fix: run `bash scripts/with-node.sh npm install` with an empty npm cache (npm_config_cache=$(mktemp -d)) and commit package-lock.json.');
  }
  if (drift.otherPlatforms.length > 0) {
    lines.push(
      `note: the registry now serves ${drift.otherPlatforms.length} optional package${drift.otherPlatforms.length === 1 ? '' : 's'} for other platforms that package-lock.json does not record (${drift.otherPlatforms.slice(0, 3).join(', ')}${drift.otherPlatforms.length > 3 ? ', …' : ''}); nothing installed here changes. Commit the updated lockfile to record them.`,
    );
  }
  return { failed: drift.changes.length > 0, lines };
}
