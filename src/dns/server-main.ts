/**
 * Entry point of the scenario DNS server inside a probe's private network:
 *
 *   node server-main.ts SCENARIO_JSON LOG_DIR [PORT]
 *
 * SCENARIO_JSON is a scenario already validated by the runner (defaults
 * filled in). Each query is appended to LOG_DIR/queries.jsonl as it arrives;
 * LOG_DIR/ready appears once every address is bound, so the runner starts the
 * probe only then. SIGTERM closes the sockets and exits 0.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDnsServer } from './server.ts';
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
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  process.stderr.write(`dns server: cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}
