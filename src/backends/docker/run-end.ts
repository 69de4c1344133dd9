import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newEndMarker } from './end-marker.ts';

/**
 * Leaves a fresh end marker for lab-run in a run's status folder (lab-run reads
 * and deletes `status.end` before the program starts) and says when a run may
 * end at it: when lab-run's status is there and the program was not killed
 * with SIGKILL. A SIGKILL may be the memory cap's, which only the engine
 * reports (OOMKilled), once the container has stopped: such a run waits for it.
 */
export function endMarkerFor(work: string): { bytes: Buffer; endedAtMarker: () => boolean } {
  const bytes = newEndMarker();
  writeFileSync(join(work, 'status.end'), bytes, { mode: 0o644 });
  return {
    bytes,
    endedAtMarker: () => {
      try {
        const status = JSON.parse(readFileSync(join(work, 'status'), 'utf8')) as { signal?: number };
        return status.signal !== 9;
      } catch {
        return false;
      }
    },
  };
}
