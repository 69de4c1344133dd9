import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '../backends/backend.ts';
import { programDir, type CompileOutput, type CompileSpec, type RunSpec } from '../runner/plan.ts';
import type { RunRecord } from './run.ts';
import { writeFileAtomic } from '../runner/cache.ts';
import { sha256 } from '../hash/hash.ts';
import { hostMachine, readElf } from '../check/elf.ts';
import { checkBinary, checkedEnvironment, checkerVersion } from '../check/check-binary.ts';
import { disagreement } from '../check/agreement.ts';
import type { Verdict } from '../check/verdict.ts';

export interface CheckDeps {
  backend: Backend;
  cacheDir: string;
  /** The compile output of a run's program (already on disk for anything that ran). */
  program: (spec: CompileSpec) => Promise<CompileOutput>;
}

/**
 * Runs that can be judged: the probe asks for it and the program itself is what ran (no tool
 * command), or the probe names the file to judge (an extension module, whatever loads it).
 */
export function checkable(spec: RunSpec): boolean {
  return spec.probe.check && (!spec.variant.command || spec.probe.checkFile !== undefined);
}

/**
 * Adds check-binary's verdict to each checkable run (cached by run key and
 * checker version), and a mismatch when the verdict contradicts the run.
 */
export async function addChecks(records: RunRecord[], deps: CheckDeps): Promise<void> {
  let machine: Promise<string> | undefined;
  for (const record of records) {
    if (!checkable(record.spec) || !record.result.compile.ok) continue;
    // A judged build output (checkFile) is named by its own path, not by the program the run started.
    const checkFile = record.spec.probe.checkFile;
    const shownAs = checkFile ? `${programDir}/${checkFile}` : record.spec.argv[0];
    const file = join(deps.cacheDir, 'checks', `${sha256({ run: record.spec.key, checkerVersion, shownAs })}.json`);
    let verdict: Verdict;
    if (existsSync(file)) verdict = JSON.parse(readFileSync(file, 'utf8')) as Verdict;
    else {
      if (!deps.backend.environmentShell) {
        record.check = { env: record.spec.env.id, verdict: 'unknown', reasons: [`the ${deps.backend.name} backend cannot read environment files for check-binary`] };
        continue;
      }
      const compiled = await deps.program(record.spec.compile);
      // Asked once, and only when a verdict is not cached: most sessions judge nothing new.
      machine ??= hostMachine();
      const env = checkedEnvironment(record.spec.env, deps.backend.environmentShell(record.spec.env), deps.cacheDir, await machine);
      const report = await checkBinary(join(compiled.binaryDir, checkFile ?? record.spec.probe.program), [env], (p) => readElf(p), shownAs);
      verdict = report.verdicts[0]!;
      writeFileAtomic(file, JSON.stringify(verdict));
    }
    record.check = verdict;
    const differs = disagreement(verdict, record.result);
    if (differs) record.mismatches.push(differs);
  }
}
