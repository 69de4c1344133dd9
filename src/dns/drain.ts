/**
 * Whether the scenario server has read every packet that reached it, from the kernel's
 * view of its own sockets (/proc/self/net/udp, /proc/self/net/tcp and the inodes of
 * /proc/self/fd/*).
 *
 * Why: the runner stops the server as soon as the probe exits. A query that arrived just
 * before (musl asks every nameserver at once and returns on the first answer, so the
 * others' copies are still in their sockets) would be lost from the log if the server
 * were killed then: CI saw a musl run log 1 of its 4 queries to the second nameserver.
 * On SIGTERM the server keeps serving until its sockets hold nothing unread, then exits.
 * Pure: the /proc texts come in, a number goes out.
 */

/** Bytes waiting in the receive queues of the sockets whose inodes are given, summed over /proc/net/{udp,tcp} texts. */
export function unreadBytes(procNetTexts: string[], inodes: ReadonlySet<string>): number {
  let total = 0;
  for (const text of procNetTexts) {
    for (const line of text.split('\n').slice(1)) {
      // sl local rem st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || !inodes.has(fields[9]!)) continue;
      const rx = fields[4]!.split(':')[1];
      // A listening TCP socket's rx_queue counts connections waiting to be accepted.
      total += rx ? parseInt(rx, 16) : 0;
    }
  }
  return total;
}

/** "socket:[12345]" (a readlink of /proc/self/fd/N) → "12345". */
export function socketInode(link: string): string | undefined {
  return /^socket:\[(\d+)\]$/.exec(link)?.[1];
}
