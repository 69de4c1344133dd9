/**
 * Debian's chromium, the one browser the tests and the budget use (never a
 * browser download). The flags keep it offline and quiet: without the resolver
 * rule it would look up outside hosts on start.
 */
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];

/** Fails with the fix when the browser is missing. */
export function assertChromium(): string {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium was not found at ${chromiumPath}. The browser tests and the budget use Debian's chromium: install it with \`apt-get install -y chromium\` (scripts/setup.sh does), or point CHROME_PATH at another Chromium.`);
  }
  return chromiumPath;
}
