import { z } from 'zod';

/**
 * A DNS scenario: the nameservers a probe sees, what they answer, and the
 * resolver configuration files the probe's libc reads. Backend-agnostic: the
 * Docker backend and a namespace backend run the same server from this.
 */

const ipv4Loopback = z
  .string()
  .regex(/^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, 'an address in 127.0.0.0/8 such as "127.0.0.53" (the server only binds loopback)')
  .refine((s) => s.split('.').every((p) => Number(p) <= 255), 'each part of the address must be 0-255');

/** What a rule (or a nameserver) answers instead of the records. */
export const answerKinds = ['records', 'nxdomain', 'servfail', 'refused', 'nodata', 'drop'] as const;
export type AnswerKind = (typeof answerKinds)[number];

export const nameserverSchema = z
  .object({
    /** Address the server binds (UDP and TCP, port 53). */
    address: ipv4Loopback,
    /** "answer" serves the records; "silent" receives queries, logs them and never answers; the rest answer every query with that code. */
    behaviour: z.enum(['answer', 'silent', 'servfail', 'refused']).default('answer'),
    /** Listed in resolv.conf (default true); false makes a server that only the probe's own code would reach. */
    inResolvConf: z.boolean().default(true),
  })
  .strict();

const recordSetSchema = z
  .object({
    A: z.array(z.ipv4()).optional(),
    AAAA: z.array(z.ipv6()).optional(),
    CNAME: z.string().optional(),
    TXT: z.array(z.string()).optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    /** Query name (case-insensitive, no trailing dot); "*.suffix" matches every name under suffix. */
    name: z.string().min(1),
    /** Query type such as "A" or "AAAA"; every type when omitted. */
    type: z.string().regex(/^[A-Z0-9]+$/, 'a record type in capitals such as "AAAA"').optional(),
    /** What to answer; "records" (default) serves the zone, "drop" never answers. */
    answer: z.enum(answerKinds).default('records'),
    /** Wait this long before answering. */
    latencyMs: z.number().int().min(0).max(10_000).optional(),
    /** Only the first N matching queries follow this rule; later ones fall through to the next rule. */
    times: z.number().int().min(1).optional(),
    /** Only queries sent to this nameserver follow the rule (e.g. one server answers NXDOMAIN at once, another answers late); every nameserver when omitted. */
    server: ipv4Loopback.optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    /** One or two sentences: what this scenario sets up. */
    description: z.string().min(1),
    nameservers: z.array(nameserverSchema).min(1).max(8),
    /** Records by name (lowercase, no trailing dot). A name that exists with no record of the asked type is a no-data answer; an unknown name is NXDOMAIN. */
    records: z.record(z.string(), recordSetSchema).default({}),
    /** Exceptions, first match wins. */
    rules: z.array(ruleSchema).default([]),
    /** Default wait before every answer. */
    latencyMs: z.number().int().min(0).max(10_000).default(0),
    /** Largest UDP answer without EDNS (RFC 1035: 512). Larger answers are cut to the records that fit, with the TC bit set; TCP always gets the whole answer. */
    udpLimit: z.number().int().min(64).max(65_535).default(512),
    resolvConf: z
      .object({
        /** "search" line; empty for none. */
        search: z.array(z.string().min(1)).default([]),
        /** "options" line, e.g. ["ndots:5", "timeout:1"]. timeout:1 and attempts:1 are added unless given, so no run waits on the 5 s default. */
        options: z.array(z.string().regex(/^[a-z0-9-]+(:\d+)?$/, 'an option such as "ndots:5" or "rotate"')).default([]),
        /** Lines appended verbatim (comments, deliberately odd syntax). */
        extra: z.array(z.string()).default([]),
      })
      .strict()
      .default({ search: [], options: [], extra: [] }),
    /** /etc/hosts lines after the localhost lines. */
    hosts: z.array(z.string()).default([]),
    /** glibc's /etc/nsswitch.conf "hosts:" sources (musl never reads nsswitch.conf). */
    nsswitchHosts: z.string().default('files dns'),
  })
  .strict();

export type DnsScenario = z.output<typeof scenarioSchema>;
export type DnsScenarioInput = z.input<typeof scenarioSchema>;
export type Nameserver = DnsScenario['nameservers'][number];
export type Rule = DnsScenario['rules'][number];

/** Problems zod cannot see: duplicate addresses, no nameserver in resolv.conf, unknown rule names. */
export function scenarioProblems(s: DnsScenario): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  s.nameservers.forEach((ns, i) => {
    if (seen.has(ns.address)) problems.push(`nameservers[${i}].address: ${ns.address} is listed twice`);
    seen.add(ns.address);
  });
  if (!s.nameservers.some((ns) => ns.inResolvConf)) problems.push('nameservers: none is in resolv.conf (set "inResolvConf": true on one)');
  s.rules.forEach((r, i) => {
    if (r.server !== undefined && !seen.has(r.server)) problems.push(`rules[${i}].server: ${r.server} is not one of the nameservers (add it to "nameservers" or fix the address)`);
  });
  for (const name of Object.keys(s.records)) {
    if (name !== name.toLowerCase() || name.endsWith('.')) problems.push(`records.${name}: write names in lowercase without the trailing dot`);
  }
  return problems;
}
