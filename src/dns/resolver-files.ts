import type { DnsScenario } from './scenario.ts';

/** The files a scenario puts in the probe's /etc, by name. */
export interface ResolverFiles {
  'resolv.conf': string;
  hosts: string;
  'nsswitch.conf': string;
}

/**
 * Both libcs default to a 5 s timeout and 2 attempts: a scenario with a dead
 * nameserver would wait on that default. 1 s and 1 attempt keep every run short
 * unless the scenario sets them itself (1 s is glibc's floor: it rounds 0 up).
 */
const defaultOptions = ['timeout:1', 'attempts:1'];

export function renderResolvConf(s: DnsScenario): string {
  const lines = ['# written by musl-lab for this DNS scenario'];
  for (const ns of s.nameservers) if (ns.inResolvConf) lines.push(`nameserver ${ns.address}`);
  if (s.resolvConf.search.length > 0) lines.push(`search ${s.resolvConf.search.join(' ')}`);
  const given = new Set(s.resolvConf.options.map((o) => o.split(':')[0]));
  const options = [...defaultOptions.filter((o) => !given.has(o.split(':')[0])), ...s.resolvConf.options];
  lines.push(`options ${options.join(' ')}`);
  lines.push(...s.resolvConf.extra);
  return `${lines.join('\n')}\n`;
}

export function renderHosts(s: DnsScenario): string {
  return ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', ...s.hosts].join('\n') + '\n';
}

export function renderNsswitch(s: DnsScenario): string {
  return `# glibc only; musl does not read this file\nhosts: ${s.nsswitchHosts}\n`;
}

export function renderResolverFiles(s: DnsScenario): ResolverFiles {
  return { 'resolv.conf': renderResolvConf(s), hosts: renderHosts(s), 'nsswitch.conf': renderNsswitch(s) };
}
