import type { DnsScenario, Nameserver, Rule } from './scenario.ts';

/**
 * The scenario server's decisions, apart from its sockets: given a query,
 * what to answer and after how long. No imports beyond types, so the server
 * runs with nothing but Node and dns-packet.
 */

export interface Question {
  name: string;
  type: string;
}

export interface AnswerRecord {
  name: string;
  type: string;
  ttl: number;
  data: string;
}

export type Decision =
  | { kind: 'silent' }
  | { kind: 'drop'; latencyMs: number }
  | { kind: 'rcode'; rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED'; answers: AnswerRecord[]; latencyMs: number };

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function ruleMatches(rule: Rule, ns: Nameserver, q: Question): boolean {
  if (rule.server !== undefined && rule.server !== ns.address) return false;
  const name = normalise(q.name);
  const pattern = normalise(rule.name);
  const nameOk = pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) : name === pattern;
  return nameOk && (rule.type === undefined || rule.type === q.type);
}

/** Records for a question, following one CNAME inside the zone. */
export function lookupRecords(s: DnsScenario, q: Question): { exists: boolean; answers: AnswerRecord[] } {
  const name = normalise(q.name);
  const set = s.records[name];
  if (!set) return { exists: false, answers: [] };
  const ttl = 60;
  if (set.CNAME && q.type !== 'CNAME') {
    const target = normalise(set.CNAME);
    const next = lookupRecords(s, { name: target, type: q.type });
    return { exists: true, answers: [{ name, type: 'CNAME', ttl, data: target }, ...next.answers] };
  }
  const values: string[] = q.type === 'A' ? (set.A ?? []) : q.type === 'AAAA' ? (set.AAAA ?? []) : q.type === 'TXT' ? (set.TXT ?? []) : q.type === 'CNAME' && set.CNAME ? [set.CNAME] : [];
  return { exists: true, answers: values.map((data) => ({ name, type: q.type, ttl, data })) };
}

/**
 * Keeps per-rule counters (for rules limited to their first N matches); one
 * instance per server run.
 */
export class Answerer {
  private readonly s: DnsScenario;
  private readonly used = new Map<number, number>();
  constructor(scenario: DnsScenario) {
    this.s = scenario;
  }

  decide(ns: Nameserver, q: Question): Decision {
    if (ns.behaviour === 'silent') return { kind: 'silent' };
    const latency = this.s.latencyMs;
    if (ns.behaviour === 'servfail') return { kind: 'rcode', rcode: 'SERVFAIL', answers: [], latencyMs: latency };
    if (ns.behaviour === 'refused') return { kind: 'rcode', rcode: 'REFUSED', answers: [], latencyMs: latency };
    let rule: Rule | undefined;
    for (const [i, r] of this.s.rules.entries()) {
      if (!ruleMatches(r, ns, q)) continue;
      const count = this.used.get(i) ?? 0;
      if (r.times !== undefined && count >= r.times) continue;
      this.used.set(i, count + 1);
      rule = r;
      break;
    }
    const latencyMs = rule?.latencyMs ?? latency;
    switch (rule?.answer ?? 'records') {
      case 'drop':
        return { kind: 'drop', latencyMs };
      case 'nxdomain':
        return { kind: 'rcode', rcode: 'NXDOMAIN', answers: [], latencyMs };
      case 'servfail':
        return { kind: 'rcode', rcode: 'SERVFAIL', answers: [], latencyMs };
      case 'refused':
        return { kind: 'rcode', rcode: 'REFUSED', answers: [], latencyMs };
      case 'nodata':
        return { kind: 'rcode', rcode: 'NOERROR', answers: [], latencyMs };
      default: {
        const found = lookupRecords(this.s, q);
        return { kind: 'rcode', rcode: found.exists ? 'NOERROR' : 'NXDOMAIN', answers: found.answers, latencyMs };
      }
    }
  }
}
