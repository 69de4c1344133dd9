/**
 * While a session runs, Ctrl-C or SIGTERM first stops every running
 * container (through `stop`), then lets the signal take its normal course, so
 * the process still exits with the signal and nothing is left behind.
 * Results already written to the cache stay; nothing half-done is written.
 */
export function guardInterrupts(stop: (signal: NodeJS.Signals) => Promise<void>): () => void {
  const handler = (signal: NodeJS.Signals) => {
    void stop(signal).finally(() => {
      dispose();
      process.kill(process.pid, signal);
    });
  };
  const dispose = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return dispose;
}
