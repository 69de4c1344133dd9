import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioSchema, scenarioProblems, type DnsScenario } from './scenario.ts';
import { formatIssues } from '../errors/format-issues.ts';
import { LabError } from '../errors/lab-error.ts';
import { sha256 } from '../hash/hash.ts';

/** Scenarios live next to the DNS probes: c-probes/dns/scenarios/<id>.json. */
export const scenarioFolder = 'dns/scenarios';

/** A scenario as a run uses it: validated, defaults filled in, and what its results depend on. */
export interface ResolvedScenario {
  id: string;
  /** Path for messages, e.g. c-probes/dns/scenarios/slow.json. */
  file: string;
  scenario: DnsScenario;
  /** Hash of the scenario and of the server code that acts it out: part of the run's cache key. */
  fingerprint: string;
}

const serverFiles = ['answer.ts', 'server.ts', 'server-main.ts'];

let serverHash: string | undefined;
/** The server's own code and wire-format library version: a change to either re-runs every DNS probe. */
export function serverFingerprint(): string {
  if (!serverHash) {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/dns-packet/package.json', import.meta.url)), 'utf8')) as { version: string };
    serverHash = sha256({ files: serverFiles.map((f) => [f, readFileSync(join(here, f), 'utf8')]), dnsPacket: pkg.version });
  }
  return serverHash;
}

/**
 * Loads and validates c-probes/dns/scenarios/<id>.json. `usedBy` names the
 * manifest field that asked for it, so a missing scenario points at both files.
 */
export function loadScenario(probesDir: string, id: string, usedBy: string, displayRoot = 'c-probes'): ResolvedScenario {
  const rel = `${scenarioFolder}/${id}.json`;
  const file = posix.join(displayRoot, rel);
  const full = join(probesDir, rel);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !existsSync(full)) {
    throw new LabError({
      name: 'DnsScenarioMissing',
      message: `${usedBy} names DNS scenario "${id}", but ${file} does not exist.`,
      hint: `Scenario ids are file names (lowercase letters, digits, dashes) under ${posix.join(displayRoot, scenarioFolder)}/; create the file or fix the name.`,
      file: usedBy.split(':')[0],
    });
  }
  const invalid = (problems: string[]) =>
    new LabError({
      name: 'DnsScenarioInvalid',
      message: `${file} is not a valid DNS scenario:\n    ${problems.join('\n    ')}`,
      hint: 'Every field is described in src/dns/scenario.ts; compare with an existing scenario in the same folder.',
      file,
    });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw invalid([`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw invalid(formatIssues(parsed.error));
  const problems = scenarioProblems(parsed.data);
  if (problems.length > 0) throw invalid(problems);
  return { id, file, scenario: parsed.data, fingerprint: sha256({ scenario: parsed.data, server: serverFingerprint() }) };
}
