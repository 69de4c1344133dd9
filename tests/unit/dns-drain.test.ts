import { describe, it, expect } from 'vitest';
import { socketInode, unreadBytes } from '../../src/dns/drain.ts';

// The layout of /proc/net/udp and /proc/net/tcp (header, then one socket per line; field 5 is
// tx_queue:rx_queue in hex, field 10 the inode), as this machine's kernel prints it.
const udp = [
  '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops            ',
  '  117: 3500007F:0035 00000000:0000 07 00000000:00000340 00:00000000 00000000 65534        0 4101 2 0000000000000000 0         ',
  '  118: 0101007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000 65534        0 4102 2 0000000000000000 0         ',
  '  119: 0100007F:9C41 00000000:0000 07 00000000:00000100 00:00000000 00000000     0        0 5000 2 0000000000000000 0         ',
].join('\n');
const tcp = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 3500007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534        0 4103 1 0000000000000000 100 0 0 10 0',
].join('\n');

describe('the DNS server drains before it stops', () => {
  it('counts the unread bytes of its own sockets only', () => {
    expect(unreadBytes([udp, tcp], new Set(['4101', '4102', '4103']))).toBe(0x340);
    expect(unreadBytes([udp, tcp], new Set(['4102', '4103']))).toBe(0);
    expect(unreadBytes([udp, tcp], new Set())).toBe(0);
  });

  it('reads a socket inode from an fd link, and nothing from other links', () => {
    expect(socketInode('socket:[4101]')).toBe('4101');
    expect(socketInode('/dev/null')).toBeUndefined();
    expect(socketInode('pipe:[77]')).toBeUndefined();
  });
});
