import { constants } from 'node:os';

// Several names share a number (SIGABRT and SIGIOT are both 6): the first listed, the usual one, wins.
const names = new Map<number, string>();
for (const [name, num] of Object.entries(constants.signals)) if (!names.has(num)) names.set(num, name);

/** SIGSEGV for 11; numbers are Linux's, like the containers'. */
export function signalName(signal: number): string {
  return names.get(signal) ?? `SIG${signal}`;
}
