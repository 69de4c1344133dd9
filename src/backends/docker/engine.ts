import Docker from 'dockerode';
import { LabError } from '../../errors/lab-error.ts';

/** Label on every container the runner creates, so strays can be found and removed. */
export const containerLabel = 'org.musl-lab.runner';

export function connectDocker(): Docker {
  // dockerode reads DOCKER_HOST (and the default socket) itself.
  return new Docker();
}

/** Turns a failed connection into one clear message with the fix. */
export function engineError(error: unknown): LabError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const socket = process.env.DOCKER_HOST ?? '/var/run/docker.sock';
  if (code === 'ENOENT') {
    return new LabError({
      name: 'DockerNotRunning',
      message: `No Docker engine answers at ${socket}: the socket does not exist.`,
      hint: 'Install and start one: apt-get install -y docker.io && (systemctl start docker || dockerd &). `npm run doctor` checks again.',
      cause: error,
    });
  }
  if (code === 'EACCES') {
    return new LabError({
      name: 'DockerPermissionDenied',
      message: `Permission denied on the Docker socket ${socket}.`,
      hint: 'Add your user to the "docker" group (usermod -aG docker $USER, then log in again) or run as root.',
      cause: error,
    });
  }
  if (code === 'ECONNREFUSED') {
    return new LabError({
      name: 'DockerNotRunning',
      message: `The Docker socket ${socket} exists but nothing accepts connections on it.`,
      hint: 'Start the engine: systemctl start docker (or dockerd & as root).',
      cause: error,
    });
  }
  return new LabError({
    name: 'DockerUnavailable',
    message: `The Docker engine could not be reached: ${(error as Error)?.message ?? String(error)}`,
    hint: 'Run `npm run doctor` to see what is missing.',
    cause: error,
  });
}

/**
 * Whether an error means the connection to the engine broke (the engine stopped,
 * crashed or restarted while a request was in flight, or no longer accepts new
 * ones), rather than a refusal the engine answered with (those carry an HTTP status).
 */
export function isConnectionLost(error: unknown): boolean {
  const e = error as (NodeJS.ErrnoException & { statusCode?: number }) | undefined;
  if (!e || e.statusCode !== undefined) return false;
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE' || e.code === 'ECONNABORTED' || /socket hang up/i.test(e.message ?? '')) return true;
  // The socket is gone or refuses: only when connecting, so a file the run itself misses is not taken for the engine.
  return (e.code === 'ENOENT' || e.code === 'ECONNREFUSED') && e.syscall === 'connect';
}

/** The engine went away in the middle of a session: what happened, why it matters, what to do. */
export function engineLost(error: unknown): LabError {
  const socket = process.env.DOCKER_HOST ?? '/var/run/docker.sock';
  const e = error as NodeJS.ErrnoException;
  return new LabError({
    name: 'DockerEngineLost',
    message:
      `The Docker engine at ${socket} stopped answering in the middle of the run: the connection to it dropped (${e?.code ?? e?.message ?? String(error)}). ` +
      'The runs that were in flight could not finish, so they have no result and none was recorded.',
    hint: 'Start the engine again (systemctl start docker, or dockerd & as root; `npm run doctor` checks it), then run the same command: completed results are cached, so it resumes where it stopped, and containers left behind are removed.',
    stoppedRun: true,
    cause: error,
  });
}

/** Pings the engine; throws a LabError that says how to fix it when it does not answer. */
export async function assertEngine(docker: Docker): Promise<void> {
  try {
    await docker.ping();
  } catch (error) {
    throw engineError(error);
  }
}
