import type Docker from 'dockerode';
import { Writable } from 'node:stream';
import { containerLabel } from './engine.ts';
import type { ExecutionLimits, RawRun } from '../lab-run-result.ts';
import { EndMarkerScanner } from './end-marker.ts';

export interface ContainerRequest extends ExecutionLimits {
  image: string;
  cmd: string[];
  workdir: string;
  binds: string[];
  user?: string;
  /** "container:<id>" joins another container's private network (a DNS scenario's); default: no network. */
  networkMode?: string;
  /**
   * The marker lab-run writes to both streams once the program has ended (see end-marker.ts). With
   * it, the run ends when both markers arrived and `endedAtMarker()` agrees, without waiting for
   * the engine to report the container's exit; otherwise the run ends at the container's exit.
   */
  endMarker?: { bytes: Buffer; endedAtMarker: () => boolean };
  /** Return without waiting for the container's removal; the caller's session awaits settleRemovals(). */
  removeInBackground?: boolean;
}

/** Containers started by this process and not yet removed: stopped on interrupt. */
export const liveContainers = new Set<Docker.Container>();
/** Set once this process is stopping: no new container may start. */
let stopping = false;
/** Create requests still in flight: the engine may create them after an interrupt. */
const creating = new Set<Promise<unknown>>();
/** Removals of finished runs' containers, not awaited by the runs: settleRemovals() waits for them. */
const removals = new Set<Promise<void>>();
/** More removals than this in flight, and a run waits for one before it returns (the engine falls behind). */
const maxPendingRemovals = 2;

/** Collects one output stream up to a shared byte budget; an end marker, if any, is removed and not counted. */
class CappedSink extends Writable {
  readonly chunks: Buffer[] = [];
  private readonly budget: { left: number; onExceeded: () => void };
  private readonly scanner: EndMarkerScanner | undefined;
  private readonly onMarker: () => void;
  constructor(budget: { left: number; onExceeded: () => void }, marker: Buffer | undefined, onMarker: () => void) {
    super();
    this.budget = budget;
    this.scanner = marker ? new EndMarkerScanner(marker) : undefined;
    this.onMarker = onMarker;
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    const seenBefore = this.scanner?.seen;
    this.take(this.scanner ? this.scanner.push(chunk) : chunk);
    if (this.scanner?.seen && !seenBefore) this.onMarker();
    done();
  }
  private take(chunk: Buffer): void {
    if (this.budget.left > 0) {
      const keep = chunk.subarray(0, this.budget.left);
      this.chunks.push(keep);
      this.budget.left -= keep.length;
    }
    if (this.budget.left <= 0 && chunk.length > 0) this.budget.onExceeded();
  }
  /** The output; with `final` (the container has stopped), bytes held back as a possible marker start are the program's. */
  bytes(final: boolean): Buffer {
    if (final && this.scanner) this.take(this.scanner.flush());
    return Buffer.concat(this.chunks);
  }
}

/**
 * Runs one command in a fresh, locked-down container and removes it afterwards:
 * no network, read-only root with a tmpfs /tmp, memory/pids/CPU caps, all
 * capabilities dropped, a wall-clock limit that kills the whole container and
 * an output cap. stdout and stderr are kept apart (no TTY, demultiplexed).
 */
export async function runContainer(docker: Docker, req: ContainerRequest): Promise<RawRun> {
  const started = performance.now();
  const ulimits =
    req.stackLimitKib === undefined
      ? undefined
      : [
          req.stackLimitKib === 'unlimited'
            ? { Name: 'stack', Soft: -1, Hard: -1 }
            : { Name: 'stack', Soft: req.stackLimitKib * 1024, Hard: req.stackLimitKib * 1024 },
        ];
  const hasStdin = req.stdin !== undefined && req.stdin.length > 0;
  if (stopping) throw new Error('stopping: no new container starts');
  const request = docker.createContainer({
    Image: req.image,
    Cmd: req.cmd,
    WorkingDir: req.workdir,
    User: req.user,
    Env: Object.entries(req.env ?? {}).map(([k, v]) => `${k}=${v}`),
    Tty: false,
    OpenStdin: hasStdin,
    StdinOnce: hasStdin,
    AttachStdin: hasStdin,
    AttachStdout: true,
    AttachStderr: true,
    NetworkDisabled: req.networkMode === undefined,
    Labels: { [containerLabel]: String(process.pid) },
    HostConfig: {
      NetworkMode: req.networkMode ?? 'none',
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': 'rw,nosuid,nodev,size=64m,mode=1777' },
      Binds: req.binds,
      Memory: req.memoryMb * 1024 * 1024,
      MemorySwap: req.memoryMb * 1024 * 1024,
      PidsLimit: req.pids,
      NanoCpus: Math.round(req.cpus * 1e9),
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Ulimits: ulimits,
      AutoRemove: false,
    },
  });
  creating.add(request);
  const container = await request.finally(() => creating.delete(request));
  liveContainers.add(container);
  if (stopping) {
    // Created while an interrupt was removing the others: remove it too, never start it.
    await container.remove({ force: true }).catch(() => undefined);
    liveContainers.delete(container);
    throw new Error('stopping: no new container starts');
  }
  let timedOut = false;
  let truncated = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const kill = () => container.kill().catch(() => undefined);
    const budget = {
      left: req.outputBytes,
      onExceeded: () => {
        if (!truncated) {
          truncated = true;
          void kill();
        }
      },
    };
    let markers = 0;
    let markersSeen!: () => void;
    const marked = new Promise<'marked'>((resolve) => {
      markersSeen = () => resolve('marked');
    });
    const onMarker = () => {
      if (++markers === 2) markersSeen();
    };
    const out = new CappedSink(budget, req.endMarker?.bytes, onMarker);
    const err = new CappedSink(budget, req.endMarker?.bytes, onMarker);
    const stream = (await container.attach({
      stream: true,
      stdout: true,
      stderr: true,
      stdin: hasStdin,
      hijack: hasStdin,
    })) as NodeJS.ReadWriteStream;
    const ended = new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    docker.modem.demuxStream(stream, out, err);
    await container.start();
    // Asked once the container has started, "not-running" answers at its exit, or at once if it has
    // already exited. A "next-exit" wait sent before start() races it on its own connection: when the
    // engine registers it after a quick program's exit, it never answers and the run hangs.
    const exited = container.wait({ condition: 'not-running' });
    // Awaited below; when the engine drops, its rejection must not go unhandled meanwhile.
    exited.catch(() => undefined);
    if (hasStdin) {
      stream.write(req.stdin!);
      stream.end();
    }
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), req.timeoutMs);
    });
    const first = await Promise.race([exited, deadline, marked]);
    if (first === 'timeout') {
      timedOut = true;
      await kill();
    }
    if (first === 'marked' && req.endMarker!.endedAtMarker()) {
      // Ended at lab-run's markers. No inspect: while the container stops, the engine answers it only
      // once the stop is done (25 ms here), and its one fact of use, OOMKilled, explains a SIGKILL,
      // which endedAtMarker() leaves to the path below.
      return { stdout: out.bytes(false), stderr: err.bytes(false), statusCode: null, timedOut, truncated, oomKilled: false, totalMs: performance.now() - started };
    }
    const status = (await exited) as { StatusCode: number };
    // The attach stream drains shortly after exit; do not wait forever on it.
    await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
    const info = await container.inspect().catch(() => undefined);
    return {
      stdout: out.bytes(true),
      stderr: err.bytes(true),
      statusCode: status?.StatusCode ?? null,
      timedOut,
      truncated,
      oomKilled: Boolean(info?.State?.OOMKilled),
      totalMs: performance.now() - started,
    };
  } finally {
    clearTimeout(timer);
    // A run that ended at its markers leaves a container still stopping, and the engine takes
    // 20-40 ms to stop and remove it: the next run need not wait for that.
    const removal = retire(container);
    if (!req.removeInBackground) await removal;
    else if (removals.size > maxPendingRemovals) await Promise.race(removals);
  }
}

/** Starts removing a container; it stays tracked (an interrupt removes it) until the engine is done. */
function retire(container: Docker.Container): Promise<void> {
  const removal: Promise<void> = container
    .remove({ force: true })
    .catch(() => undefined)
    .then(() => {
      liveContainers.delete(container);
      removals.delete(removal);
    });
  removals.add(removal);
  return removal;
}

/** Waits until every finished run's container is removed (at the end of a session). */
export async function settleRemovals(): Promise<void> {
  while (removals.size > 0) await Promise.all([...removals]);
}

/**
 * Starts a long-lived helper container (a DNS scenario's server) under the
 * same rules as a probe's, tracked so that an interrupt removes it too. The
 * caller removes it with `container.remove({ force: true })` and untracks it.
 */
export async function startService(docker: Docker, options: Docker.ContainerCreateOptions): Promise<Docker.Container> {
  if (stopping) throw new Error('stopping: no new container starts');
  const request = docker.createContainer({ ...options, Labels: { ...options.Labels, [containerLabel]: String(process.pid) } });
  creating.add(request);
  const container = await request.finally(() => creating.delete(request));
  liveContainers.add(container);
  try {
    if (stopping) throw new Error('stopping: no new container starts');
    await container.start();
    return container;
  } catch (error) {
    await stopService(container);
    throw error;
  }
}

export async function stopService(container: Docker.Container): Promise<void> {
  await container.remove({ force: true }).catch(() => undefined);
  liveContainers.delete(container);
}

/** Force-removes every container this process still has (on Ctrl-C or SIGTERM). */
export async function removeLiveContainers(): Promise<void> {
  stopping = true;
  // Wait for creations in flight, so a container the engine is making now is removed too.
  await Promise.allSettled([...creating]);
  await new Promise((resolve) => setImmediate(resolve));
  await Promise.all([...liveContainers].map((c) => removeAndConfirm(c)));
  liveContainers.clear();
}

/**
 * Force-removes a container and waits until the engine no longer lists it. A
 * run ending at the same moment removes it too, and the second request then
 * returns at once with "removal already in progress" while the engine is still
 * at it: exiting then would leave the container behind for a while.
 */
async function removeAndConfirm(container: Docker.Container, waitMs = 10_000): Promise<void> {
  await container.remove({ force: true }).catch(() => undefined);
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    try {
      await container.inspect();
    } catch {
      return; // gone (404), or the engine is gone: nothing more to wait for
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/**
 * Removes containers left by runner processes that no longer exist (killed
 * with SIGKILL, a machine crash): each container's label holds its creator's pid.
 */
export async function removeStrayContainers(docker: Docker, log: (line: string) => void): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [containerLabel] } });
  for (const info of list) {
    const pid = Number(info.Labels?.[containerLabel]);
    if (pid === process.pid) continue;
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) continue;
    log(`removing container ${info.Id.slice(0, 12)} left behind by an earlier run (pid ${pid})`);
    await docker.getContainer(info.Id).remove({ force: true }).catch(() => undefined);
  }
}
