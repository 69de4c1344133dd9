import { constants } from 'node:os';

const names = new Map<number, string>(Object.entries(constants.signals).map(([name, num]) => [num, name]));

/** SIGSEGV for 11; numbers are Linux's, like the containers'. */
export function signalName(signal: number): string {
  return names.get(signal) ?? `SIG${signal}`;
}
