import dgram from 'node:dgram';
import net from 'node:net';
import packet from 'dns-packet';
import type { Answer, Packet } from 'dns-packet';
import { Answerer, type Decision } from './answer.ts';
import type { DnsScenario, Nameserver } from './scenario.ts';
import type { QueryLogEntry } from './query-log.ts';

/**
 * The scenario DNS server: UDP and TCP on every nameserver address of the
 * scenario, answers decided by answer.ts, every query logged. It imports only
 * Node and dns-packet (the wire format), so any backend can start it inside
 * the probe's private network with the pinned Node binary.
 */

export interface DnsServerOptions {
  /** 53 in a private network namespace; tests use a high port. */
  port: number;
  log: (entry: QueryLogEntry) => void;
}

export interface DnsServer {
  close(): Promise<void>;
}

type Flags = { edns: boolean; payload: number };

function ednsOf(query: Packet): Flags {
  const opt = (query.additionals ?? []).find((a) => a.type === 'OPT') as { udpPayloadSize?: number } | undefined;
  return { edns: Boolean(opt), payload: opt?.udpPayloadSize ?? 512 };
}

/** Encodes the answer; over UDP, drops records from the end until it fits, and sets TC when any was dropped. */
export function encodeResponse(
  query: Packet,
  decision: Extract<Decision, { kind: 'rcode' }>,
  transport: 'udp' | 'tcp',
  udpLimit: number,
): { bytes: Buffer; records: number; truncated: boolean } {
  const { edns, payload } = ednsOf(query);
  const rcodeBits = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 }[decision.rcode];
  const answers = decision.answers.map((a) => ({ name: a.name, type: a.type, ttl: a.ttl, class: 'IN', data: a.type === 'TXT' ? [a.data] : a.data }) as Answer);
  const limit = transport === 'tcp' ? 65_535 : edns ? Math.max(udpLimit, payload) : udpLimit;
  const build = (n: number, tc: boolean) =>
    packet.encode({
      id: query.id,
      type: 'response',
      flags: packet.AUTHORITATIVE_ANSWER | packet.RECURSION_AVAILABLE | ((query.flags ?? 0) & packet.RECURSION_DESIRED) | (tc ? packet.TRUNCATED_RESPONSE : 0) | rcodeBits,
      questions: query.questions,
      answers: answers.slice(0, n),
      additionals: edns ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0, options: [] } as unknown as Answer] : [],
    });
  let n = answers.length;
  let bytes = build(n, false);
  while (bytes.length > limit && n > 0) bytes = build(--n, true);
  return { bytes, records: n, truncated: n < answers.length };
}

export async function startDnsServer(scenario: DnsScenario, options: DnsServerOptions): Promise<DnsServer> {
  const answerer = new Answerer(scenario);
  const started = performance.now();
  const timers = new Set<NodeJS.Timeout>();
  const closers: Array<() => Promise<void>> = [];
  const sockets = new Set<net.Socket>();

  /** Logs the query and returns the reply to send after the decision's latency, or undefined for none. */
  const handle = (ns: Nameserver, transport: 'udp' | 'tcp', raw: Buffer, reply: (bytes: Buffer) => void) => {
    let query: Packet;
    try {
      query = packet.decode(raw);
    } catch {
      return; // not DNS: ignore, as a real server would
    }
    const t = Math.round((performance.now() - started) * 10) / 10;
    const q = query.questions?.[0];
    const question = { name: (q?.name ?? '').replace(/\.$/, ''), type: String(q?.type ?? '?') };
    const decision = answerer.decide(ns, question);
    const entry: QueryLogEntry = { t, server: ns.address, transport, ...question, edns: ednsOf(query).edns, answer: decision.kind === 'rcode' ? decision.rcode : decision.kind, truncated: false, records: 0 };
    if (decision.kind !== 'rcode') {
      options.log(entry);
      return;
    }
    const encoded = encodeResponse(query, decision, transport, scenario.udpLimit);
    options.log({ ...entry, records: encoded.records, truncated: encoded.truncated });
    const send = () => reply(encoded.bytes);
    if (decision.latencyMs === 0) send();
    else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, decision.latencyMs);
      timers.add(timer);
    }
  };

  for (const ns of scenario.nameservers) {
    const udp = dgram.createSocket('udp4');
    udp.on('message', (msg, rinfo) => handle(ns, 'udp', msg, (bytes) => udp.send(bytes, rinfo.port, rinfo.address)));
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(options.port, ns.address, () => resolve());
    });
    closers.push(() => new Promise((resolve) => udp.close(() => resolve())));

    const tcp = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      let pending = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
          const length = pending.readUInt16BE(0);
          const message = pending.subarray(2, 2 + length);
          pending = pending.subarray(2 + length);
          handle(ns, 'tcp', message, (bytes) => {
            const framed = Buffer.alloc(2 + bytes.length);
            framed.writeUInt16BE(bytes.length, 0);
            bytes.copy(framed, 2);
            if (!socket.destroyed) socket.write(framed);
          });
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(options.port, ns.address, () => resolve());
    });
    closers.push(() => new Promise((resolve) => tcp.close(() => resolve())));
  }

  return {
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await Promise.all(closers.map((c) => c()));
    },
  };
}
