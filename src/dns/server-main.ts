/**
 * Entry point of the scenario DNS server inside a probe's private network:
 *
 *   node server-main.ts SCENARIO_JSON LOG_DIR [PORT]
 *
 * SCENARIO_JSON is a scenario already validated by the runner (defaults
 * filled in). Each query is appended to LOG_DIR/queries.jsonl as it arrives;
 * LOG_DIR/ready appears once every address is bound, so the runner starts the
 * probe only then. SIGTERM lets the server read what its sockets still hold (drain.ts),
 * then closes them and exits 0; SIGINT closes at once.
 */
import { appendFileSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDnsServer } from './server.ts';
import { socketInode, unreadBytes } from './drain.ts';
import type { DnsScenario } from './scenario.ts';

const [scenarioFile, logDir, portText = '53'] = process.argv.slice(2);
if (!scenarioFile || !logDir) {
  process.stderr.write('usage: node server-main.ts SCENARIO_JSON LOG_DIR [PORT]\n');
  process.exit(2);
}
const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8')) as DnsScenario;
const logFile = join(logDir, 'queries.jsonl');
writeFileSync(logFile, '');
try {
  const server = await startDnsServer(scenario, {
    port: Number(portText),
    log: (entry) => appendFileSync(logFile, `${JSON.stringify(entry)}\n`),
  });
  writeFileSync(join(logDir, 'ready'), `${process.pid}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  const unread = () => {
    try {
      const inodes = new Set(readdirSync('/proc/self/fd').map((fd) => { try { return socketInode(readlinkSync(`/proc/self/fd/${fd}`)); } catch { return undefined; } }).filter((i): i is string => i !== undefined));
      return unreadBytes(['udp', 'tcp'].map((t) => readFileSync(`/proc/self/net/${t}`, 'utf8')), inodes);
    } catch {
      return 0; // no /proc: nothing to wait for
    }
  };
  // Each check runs between two turns of the event loop, which reads the sockets and logs each query
  // synchronously: once the kernel holds nothing unread for us, every query that arrived is in the log.
  // Bounded: a client still sending (none: the probe has exited) cannot keep the server up for long.
  const drainThenStop = (deadline: number) => (unread() === 0 || Date.now() > deadline ? stop() : void setTimeout(() => drainThenStop(deadline), 1));
  process.on('SIGTERM', () => drainThenStop(Date.now() + 2000));
  process.on('SIGINT', stop);
} catch (error) {
  process.stderr.write(`dns server: cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}
