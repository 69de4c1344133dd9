import { readElf, type ElfFacts } from './elf.ts';
import { environmentById } from '../config/environments.ts';
import type { BoundEnvironment } from '../runner/plan.ts';
import { EnvironmentFiles, viewEnvironment, type EnvironmentShell, type EnvironmentSpec } from './environment.ts';
import { judge, type Verdict } from './verdict.ts';

export interface CheckReport {
  file: string;
  facts: ElfFacts;
  verdicts: Verdict[];
}

/** Bumped when the checker's reasoning changes: cached verdicts of the site are keyed by it. */
export const checkerVersion = 2;

/** What check-binary needs of one environment: its libc family, its machine and a reader of its files. */
export function checkedEnvironment(env: BoundEnvironment, shell: EnvironmentShell, cacheDir: string, machine: string): { spec: EnvironmentSpec; files: EnvironmentFiles } {
  return {
    spec: { id: env.id, family: environmentById(env.id).family, machine },
    files: new EnvironmentFiles(shell, cacheDir, (p) => readElf(p)),
  };
}

/** One verdict per environment for the ELF file at `file` (a path on this machine). */
export async function checkBinary(
  file: string,
  envs: { spec: EnvironmentSpec; files: EnvironmentFiles }[],
  readElf: (path: string) => Promise<ElfFacts>,
  displayName = file,
): Promise<CheckReport> {
  const facts = await readElf(file);
  const verdicts: Verdict[] = [];
  for (const { spec, files } of envs) {
    const view = facts.isElf ? await viewEnvironment(spec, files, facts, file, readElf) : { id: spec.id, family: spec.family, machine: spec.machine, interpreterExists: () => false, findLibrary: () => undefined };
    verdicts.push(judge(displayName, facts, view));
  }
  return { file, facts, verdicts };
}

/** The highest version of each kind a file needs ("GLIBC_2.30, GCC_4.2.0"), not the whole list. */
export function highestVersions(versions: string[]): string[] {
  const best = new Map<string, string>();
  const parts = (v: string) => (v.split('_').pop() ?? '').split('.').map(Number);
  const newer = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
    return false;
  };
  for (const v of versions) {
    const kind = v.replace(/_[\d.]+$/, '');
    if (kind === v) continue;
    const cur = best.get(kind);
    if (!cur || newer(v, cur)) best.set(kind, v);
  }
  return [...best.values()];
}

/** A one-line description of the file, as `file` would give it. */
export function describeElf(f: ElfFacts): string {
  if (!f.isElf) return 'not an ELF file';
  const kind = f.type === 'DYN' ? (f.interpreter || f.pie ? 'position-independent executable' : 'shared library') : f.type === 'EXEC' ? 'executable' : f.type;
  const linking = !f.interpreter && f.needed.length === 0 ? 'statically linked' : `interpreter ${f.interpreter ?? '(none)'}, needs ${f.needed.join(', ') || 'nothing'}`;
  const versions = highestVersions(f.versionNeeds.flatMap((n) => n.versions));
  return `${f.elfClass} ${f.machine} ${kind}, ${linking}${versions.length ? `; needs at least ${versions.join(', ')}` : ''}`;
}
