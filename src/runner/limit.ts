/**
 * Runs at most `max` tasks at once. Written here (a dozen lines) rather than
 * taken from p-limit because the runner needs nothing else from it.
 * A finished task hands its slot straight to the next waiter, so a caller
 * arriving in between cannot take it as well.
 */
export function limiter(max: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
