import { afterEach, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import net from 'node:net';
import packet from 'dns-packet';
import { startDnsServer, type DnsServer } from '../../src/dns/server.ts';
import { scenarioSchema } from '../../src/dns/scenario.ts';
import type { QueryLogEntry } from '../../src/dns/query-log.ts';

// The server on loopback with a high port, asked by dns-packet: the wire format both libcs will see.
const port = 20_000 + (process.pid % 20_000);
const scenario = scenarioSchema.parse({
  description: 'd',
  nameservers: [{ address: '127.0.0.1' }, { address: '127.0.0.2', behaviour: 'silent' }],
  records: { 'big.test': { A: Array.from({ length: 60 }, (_, i) => `10.0.3.${i + 1}`) }, 'a.test': { A: ['10.0.0.1'] } },
});
let server: DnsServer | undefined;
const log: QueryLogEntry[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  log.length = 0;
});

function udpQuery(address: string, name: string, waitMs = 1000): Promise<packet.DecodedPacket | undefined> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      resolve(undefined);
    }, waitMs);
    socket.on('message', (msg) => {
      clearTimeout(timer);
      socket.close();
      resolve(packet.decode(msg));
    });
    socket.send(packet.encode({ id: 7, type: 'query', flags: packet.RECURSION_DESIRED, questions: [{ name, type: 'A' }] }), port, address);
  });
}

function tcpQuery(address: string, name: string): Promise<packet.DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, address, () => socket.write(packet.streamEncode({ id: 8, type: 'query', questions: [{ name, type: 'A' }] })));
    let data = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
        socket.end();
        resolve(packet.streamDecode(data) as packet.DecodedPacket);
      }
    });
    socket.on('error', reject);
  });
}

describe('scenario DNS server', () => {
  it('answers over UDP and logs the query', async () => {
    server = await startDnsServer(scenario, { port, log: (e) => log.push(e) });
    const answer = await udpQuery('127.0.0.1', 'a.test');
    expect(answer?.id).toBe(7);
    expect(answer?.answers?.map((a) => (a as { data: unknown }).data)).toEqual(['10.0.0.1']);
    expect(log).toMatchObject([{ server: '127.0.0.1', transport: 'udp', name: 'a.test', type: 'A', answer: 'NOERROR', records: 1, truncated: false, edns: false }]);
  });

  it('truncates a large UDP answer to 512 bytes with TC, and gives TCP all of it', async () => {
    server = await startDnsServer(scenario, { port, log: (e) => log.push(e) });
    const udp = await udpQuery('127.0.0.1', 'big.test');
    expect(udp?.flag_tc).toBe(true);
    expect(packet.encode(udp!).length).toBeLessThanOrEqual(512);
    const tcp = await tcpQuery('127.0.0.1', 'big.test');
    expect(tcp.flag_tc).toBe(false);
    expect(tcp.answers).toHaveLength(60);
    expect(log.map((e) => [e.transport, e.truncated, e.records])).toEqual([['udp', true, udp!.answers!.length], ['tcp', false, 60]]);
  });

  it('a silent nameserver logs the query and never answers', async () => {
    server = await startDnsServer(scenario, { port, log: (e) => log.push(e) });
    expect(await udpQuery('127.0.0.2', 'a.test', 300)).toBeUndefined();
    expect(log).toMatchObject([{ server: '127.0.0.2', answer: 'silent' }]);
  });
});
