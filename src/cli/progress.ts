import type { RunEvent } from '../session/run.ts';
import { outcomeLabel } from '../runner/result.ts';

/**
 * Progress for long runs: one line per finished run (CI logs stay readable),
 * with a counter, the status word ([ran] or [cached]) and the outcome.
 * Cached runs are summarised rather than listed one by one.
 */
export function progressPrinter(out: NodeJS.WritableStream) {
  let cachedSeen = 0;
  return {
    log(line: string) {
      out.write(`  ${line}\n`);
    },
    onEvent(event: RunEvent) {
      if (event.type === 'planned') {
        out.write(`${event.total} runs planned, ${event.cached} cached, ${event.total - event.cached} to execute\n`);
      } else if (event.type === 'finished') {
        const r = event.record;
        if (r.cached) {
          cachedSeen++;
          return;
        }
        const width = String(event.total).length;
        const mark = r.mismatches.length > 0 ? '  ✗ unexpected' : '';
        const ms = r.result.durationMs === null ? '' : `  ${r.result.durationMs} ms`;
        out.write(`[${String(event.done).padStart(width)}/${event.total}] [ran] ${r.result.id}  ${outcomeLabel(r.result.outcome)}${ms}${mark}\n`);
      }
    },
    done() {
      if (cachedSeen > 0) out.write(`[cached] ${cachedSeen} results reused\n`);
    },
  };
}
