import { defaultPair } from '../../src/config/environments.ts';
import { describe, it, expect, beforeAll } from 'vitest';
import { runSession } from '../../src/runner/session.ts';
import type { RunRecord } from '../../src/runner/run.ts';
import type { Outcome } from '../../src/runner/result.ts';
import { backendDifferences } from '../../src/config/backend-differences.ts';

// Every probe of c-probes on both backends: the outcomes (kind, exit code,
// signal) must agree, except where src/config/backend-differences.ts explains
// why (the about page shows those reasons). Results come from the project's
// cache when nothing changed, as in `npm run build`.
const label = (o: Outcome) => [o.kind, o.exitCode ?? '', o.signal ?? ''].join(' ').trim();
let docker: RunRecord[] = [];
let sandbox: RunRecord[] = [];

beforeAll(async () => {
  docker = (await runSession({ envs: defaultPair(), backendChoice: 'docker', concurrency: 2 })).records;
  sandbox = (await runSession({ envs: defaultPair(), backendChoice: 'sandbox', concurrency: 2 })).records;
});

describe('the two backends agree', () => {
  it('run the same runs', () => {
    expect(sandbox.map((r) => r.result.id).sort()).toEqual(docker.map((r) => r.result.id).sort());
  });

  it('every difference in outcome is explained, and every explanation still applies', () => {
    const other = new Map(sandbox.map((r) => [r.result.id, r.result]));
    const differ = docker
      .filter((r) => label(r.result.outcome) !== label(other.get(r.result.id)!.outcome))
      .map((r) => `${r.result.id}: docker ${label(r.result.outcome)}, sandbox ${label(other.get(r.result.id)!.outcome)}`);
    const explained = new Set(backendDifferences.flatMap((d) => d.runs));
    expect(differ.filter((d) => !explained.has(d.split(':').slice(0, 2).join(':')))).toEqual([]);
    expect([...explained].filter((id) => !differ.some((d) => d.startsWith(`${id}:`)))).toEqual([]);
  });

  it('each result names the backend that ran it', () => {
    expect(docker.every((r) => r.result.provenance.backend === 'docker')).toBe(true);
    expect(sandbox.every((r) => r.result.provenance.backend === 'sandbox')).toBe(true);
  });
});
