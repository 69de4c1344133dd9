import type { Result } from '../runner/result.ts';

/** Which output a "name=value" line is read from. */
export type Stream = 'stdout' | 'stderr';

/**
 * A number a run printed as a "name=value" line of its own, from stdout by
 * default. Some probes print their figures on stderr so that the program they
 * wrap keeps stdout to itself (the system-call tracer prints "syscalls=N" there).
 */
export function metric(result: Result | undefined, name: string, stream: Stream = 'stdout'): number | null {
  if (!result) return null;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^${escaped}=(-?[0-9.]+)\\s*$`, 'm').exec(result[stream]);
  return m ? Number(m[1]) : null;
}
