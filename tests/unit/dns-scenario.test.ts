import { describe, expect, it } from 'vitest';
import { scenarioSchema, scenarioProblems, type DnsScenarioInput } from '../../src/dns/scenario.ts';
import { renderResolvConf, renderHosts, renderNsswitch } from '../../src/dns/resolver-files.ts';
import { Answerer } from '../../src/dns/answer.ts';
import { loadScenario } from '../../src/dns/load-scenario.ts';
import { parseQueryLog } from '../../src/dns/query-log.ts';
import { loadManifest } from '../../src/manifest/load.ts';
import { caught, tempTree } from './helpers.ts';

const parse = (s: Partial<DnsScenarioInput> = {}) => scenarioSchema.parse({ description: 'd', nameservers: [{ address: '127.0.0.53' }], ...s });

describe('DNS scenario schema', () => {
  it('fills in defaults: answering nameservers, no latency, 512-byte UDP, files before dns', () => {
    const s = parse();
    expect(s.nameservers[0]).toEqual({ address: '127.0.0.53', behaviour: 'answer', inResolvConf: true });
    expect(s.latencyMs).toBe(0);
    expect(s.udpLimit).toBe(512);
    expect(s.nsswitchHosts).toBe('files dns');
  });

  it('accepts only loopback nameserver addresses', () => {
    const r = scenarioSchema.safeParse({ description: 'd', nameservers: [{ address: '8.8.8.8' }] });
    expect(r.success).toBe(false);
  });

  it('finds duplicate addresses, names not in lowercase, and no nameserver in resolv.conf', () => {
    const s = parse({
      nameservers: [{ address: '127.0.0.53', inResolvConf: false }, { address: '127.0.0.53', inResolvConf: false }],
      records: { 'Upper.test': { A: ['10.0.0.1'] } },
    });
    expect(scenarioProblems(s)).toEqual([
      'nameservers[1].address: 127.0.0.53 is listed twice',
      'nameservers: none is in resolv.conf (set "inResolvConf": true on one)',
      'records.Upper.test: write names in lowercase without the trailing dot',
    ]);
  });

  it('finds a rule that names a server the scenario does not have', () => {
    const s = parse({ rules: [{ name: 'a.test', server: '127.0.9.9', answer: 'nxdomain' }] });
    expect(scenarioProblems(s)).toEqual(['rules[0].server: 127.0.9.9 is not one of the nameservers (add it to "nameservers" or fix the address)']);
  });
});

describe('resolver files', () => {
  it('adds timeout:1 attempts:1 so no run waits on the 5 s default', () => {
    const text = renderResolvConf(parse({ nameservers: [{ address: '127.0.0.53' }, { address: '127.0.1.1', behaviour: 'silent' }], resolvConf: { search: ['a.test', 'b.test'], options: ['ndots:5'] } }));
    expect(text).toContain('nameserver 127.0.0.53\nnameserver 127.0.1.1\nsearch a.test b.test\noptions timeout:1 attempts:1 ndots:5\n');
  });

  it('keeps a timeout the scenario sets itself', () => {
    expect(renderResolvConf(parse({ resolvConf: { options: ['timeout:3'] } }))).toContain('options attempts:1 timeout:3\n');
  });

  it('leaves out nameservers that are not in resolv.conf', () => {
    const text = renderResolvConf(parse({ nameservers: [{ address: '127.0.0.53', inResolvConf: false }, { address: '127.0.1.1' }] }));
    expect(text).not.toContain('127.0.0.53');
  });

  it('writes hosts after the localhost lines, and the nsswitch order', () => {
    const s = parse({ hosts: ['10.9.9.9 x.test'], nsswitchHosts: 'dns files' });
    expect(renderHosts(s)).toMatch(/^127\.0\.0\.1\tlocalhost\n.*\n10\.9\.9\.9 x\.test\n$/);
    expect(renderNsswitch(s)).toContain('hosts: dns files\n');
  });
});

describe('Answerer', () => {
  const ns = { address: '127.0.0.53', behaviour: 'answer' as const, inResolvConf: true };
  const s = parse({
    latencyMs: 5,
    records: { 'a.test': { A: ['10.0.0.1', '10.0.0.2'], CNAME: undefined }, 'alias.test': { CNAME: 'a.test' }, 'v6.test': { AAAA: ['fd00::1'] } },
    rules: [
      { name: 'flaky.test', answer: 'servfail', times: 1 },
      { name: 'flaky.test', answer: 'records' },
      { name: '*.broken.test', type: 'AAAA', answer: 'drop', latencyMs: 0 },
    ],
  });

  it('answers records, no-data for a known name without that type, NXDOMAIN for an unknown name', () => {
    const a = new Answerer(s);
    expect(a.decide(ns, { name: 'a.test', type: 'A' })).toMatchObject({ kind: 'rcode', rcode: 'NOERROR', latencyMs: 5, answers: [{ data: '10.0.0.1' }, { data: '10.0.0.2' }] });
    expect(a.decide(ns, { name: 'v6.test', type: 'A' })).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(a.decide(ns, { name: 'nope.test', type: 'A' })).toMatchObject({ rcode: 'NXDOMAIN', answers: [] });
  });

  it('follows a CNAME inside the zone', () => {
    const d = new Answerer(s).decide(ns, { name: 'Alias.Test.', type: 'A' });
    expect(d).toMatchObject({ rcode: 'NOERROR', answers: [{ type: 'CNAME', data: 'a.test' }, { type: 'A' }, { type: 'A' }] });
  });

  it('applies a rule limited by "times" only to the first matching queries', () => {
    const a = new Answerer(s);
    expect(a.decide(ns, { name: 'flaky.test', type: 'A' })).toMatchObject({ rcode: 'SERVFAIL' });
    expect(a.decide(ns, { name: 'flaky.test', type: 'A' })).toMatchObject({ rcode: 'NXDOMAIN' });
  });

  it('matches wildcard rules by suffix and type', () => {
    const a = new Answerer(s);
    expect(a.decide(ns, { name: 'x.broken.test', type: 'AAAA' })).toEqual({ kind: 'drop', latencyMs: 0 });
    expect(a.decide(ns, { name: 'x.broken.test', type: 'A' })).toMatchObject({ rcode: 'NXDOMAIN' });
  });

  it('applies a rule that names a server only to queries sent to that server', () => {
    const two = parse({
      nameservers: [{ address: '127.0.0.53' }, { address: '127.0.1.1' }],
      records: { 'a.test': { A: ['10.0.0.1'] } },
      rules: [{ name: 'a.test', server: '127.0.1.1', answer: 'nxdomain' }],
    });
    const a = new Answerer(two);
    expect(a.decide(ns, { name: 'a.test', type: 'A' })).toMatchObject({ rcode: 'NOERROR', answers: [{ data: '10.0.0.1' }] });
    expect(a.decide({ ...ns, address: '127.0.1.1' }, { name: 'a.test', type: 'A' })).toMatchObject({ rcode: 'NXDOMAIN' });
  });

  it('a silent nameserver never answers; a refusing one refuses everything', () => {
    const a = new Answerer(s);
    expect(a.decide({ ...ns, behaviour: 'silent' }, { name: 'a.test', type: 'A' })).toEqual({ kind: 'silent' });
    expect(a.decide({ ...ns, behaviour: 'refused' }, { name: 'a.test', type: 'A' })).toMatchObject({ rcode: 'REFUSED', answers: [] });
  });
});

describe('query log', () => {
  it('parses JSON lines in time order and skips a half-written last line', () => {
    const e = (t: number) => JSON.stringify({ t, server: '127.0.0.53', transport: 'udp', name: 'a.test', type: 'A', edns: false, answer: 'NOERROR', truncated: false, records: 1 });
    const log = parseQueryLog(`${e(5)}\n${e(1)}\n{"t":7,"ser`);
    expect(log.queries.map((q) => q.t)).toEqual([1, 5]);
    expect(log.truncated).toBe(false);
  });
});

describe('loading scenarios from manifests', () => {
  const scenario = JSON.stringify({ description: 'd', nameservers: [{ address: '127.0.0.53' }] });
  const load = (manifest: unknown, files: Record<string, string> = {}) => {
    const dir = tempTree({ 'dns/x.c': 'int main(void){return 0;}\n', 'dns/x.probe.json': JSON.stringify(manifest), ...files });
    return loadManifest(dir, 'dns/x.probe.json', ['glibc', 'musl']);
  };

  it('resolves the probe\'s scenario for every variant, a variant\'s own overriding it', () => {
    const p = load({ title: 't', dns: 'one', variants: [{ id: 'a' }, { id: 'b', dns: 'two' }] }, { 'dns/scenarios/one.json': scenario, 'dns/scenarios/two.json': scenario });
    expect(p.variants.map((v) => v.dns?.id)).toEqual(['one', 'two']);
    expect(p.variants[0]!.dns!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the manifest, the field and the missing file', () => {
    const e = caught(() => load({ title: 't', variants: [{ id: 'a', dns: 'nope' }] }));
    expect(e.name).toBe('DnsScenarioMissing');
    expect(e.message).toContain('c-probes/dns/x.probe.json: variants[0].dns names DNS scenario "nope", but c-probes/dns/scenarios/nope.json does not exist');
  });

  it('names the scenario file and field of an invalid scenario', () => {
    const e = caught(() => load({ title: 't', dns: 'bad' }, { 'dns/scenarios/bad.json': JSON.stringify({ description: 'd', nameservers: [{ address: '10.0.0.1' }] }) }));
    expect(e.name).toBe('DnsScenarioInvalid');
    expect(e.file).toBe('c-probes/dns/scenarios/bad.json');
    expect(e.message).toContain('nameservers[0].address: an address in 127.0.0.0/8');
  });

  it('refuses query-count expectations without a scenario', () => {
    const e = caught(() => load({ title: 't', expect: { musl: { outcome: 'ok', queries: [{ count: 1 }] } } }));
    expect(e.message).toContain('variants[0].expect.musl.queries: query counts need a DNS scenario');
  });

  it('a change to the scenario changes its fingerprint (and so the run key)', () => {
    const a = loadScenario(tempTree({ 'dns/scenarios/s.json': scenario }), 's', 'm');
    const b = loadScenario(tempTree({ 'dns/scenarios/s.json': scenario.replace('"d"', '"e"') }), 's', 'm');
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});
