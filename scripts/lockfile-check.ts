// node scripts/lockfile-check.ts COMMITTED_LOCKFILE INSTALLED_LOCKFILE
// Used by setup.sh after `npm install`: fails (exit 1) only when the install
// changed what this machine installs; other platforms' new optional packages are a note.
import { readFileSync } from 'node:fs';
import { describeDrift, lockfileDrift, type Platform } from '../src/setup/lockfile-drift.ts';

const [committedPath, installedPath] = process.argv.slice(2);
if (!committedPath || !installedPath) {
  process.stderr.write('usage: node scripts/lockfile-check.ts COMMITTED_LOCKFILE INSTALLED_LOCKFILE\n');
  process.exit(2);
}
// process.report names the C library Node itself runs on, which is what npm matches "libc" against.
const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
const here: Platform = { os: process.platform, cpu: process.arch, libc: process.platform === 'linux' ? (header?.glibcVersionRuntime ? 'glibc' : 'musl') : undefined };
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const { failed, lines } = describeDrift(lockfileDrift(read(committedPath), read(installedPath), here));
for (const line of lines) process.stderr.write(`setup: ${line}\n`);
process.exitCode = failed ? 1 : 0;
