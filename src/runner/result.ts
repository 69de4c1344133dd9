import { z } from 'zod';
import { outcomeKinds } from '../manifest/schema.ts';
import { dnsRunSchema } from '../dns/query-log.ts';

export const outcomeSchema = z.object({
  kind: z.enum(outcomeKinds),
  /** Exit status, for kind "exit" (and 0 for "ok"). */
  exitCode: z.number().int().optional(),
  /** Signal name, for kind "signal", e.g. "SIGSEGV". */
  signal: z.string().optional(),
  /** Why the program could not be started, for kind "exec-failed". */
  reason: z.string().optional(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const imageRefSchema = z.object({ key: z.string(), tag: z.string(), id: z.string() });

export const backendNames = ['docker', 'sandbox'] as const;
export type BackendName = (typeof backendNames)[number];

export const provenanceSchema = z.object({
  /** docker: a fresh container per run; sandbox: a bubblewrap sandbox in a root built from Debian packages. */
  backend: z.enum(backendNames),
  /** upstream: distribution images from a registry; offline: images built from Debian packages. */
  imageSource: z.enum(['upstream', 'offline']),
  distro: z.string(),
  buildImage: imageRefSchema,
  runImage: imageRefSchema,
  /** Versions of notable packages of the root filesystem (sandbox backend). */
  packages: z.record(z.string(), z.string()).optional(),
  /** First line the environment's libc prints about itself. */
  libc: z.string(),
  /** The libc version alone, read from that line, e.g. "1.2.5" or "2.41". */
  libcVersion: z.string().optional(),
  /** Debian suite of the images or roots (bookworm, trixie, sid); absent for upstream distribution images. */
  suite: z.string().optional(),
  /** Debian sid: its versions move daily; a disagreement is reported, never a failure. */
  edge: z.boolean().optional(),
  /** First line of `cc --version` in the build image. */
  compiler: z.string(),
  /** Go, Rust and Python probes: the first line of the toolchain's version command in the build image. */
  toolchain: z.string().optional(),
  /** The compiler command line, as run. */
  compileCommand: z.array(z.string()),
  /** ISO time the program ran. */
  ranAt: z.string(),
  runnerVersion: z.string(),
  kernel: z.string(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** One run of one probe variant in one environment: the same shape for every backend. */
export const resultSchema = z.object({
  schemaVersion: z.literal(1),
  /** "probe/id:variant@env" */
  id: z.string(),
  probeId: z.string(),
  variantId: z.string(),
  envId: z.string(),
  compileEnvId: z.string(),
  /** Cache key: hash of everything that can change this result. */
  key: z.string(),
  /** What ran inside the environment (the program's path is under /probe). */
  argv: z.array(z.string()),
  outcome: outcomeSchema,
  stdout: z.string(),
  stderr: z.string(),
  /** True when the output was not valid UTF-8 and invalid bytes were replaced. */
  outputLossy: z.boolean(),
  compile: z.object({
    ok: z.boolean(),
    exitCode: z.number().int(),
    /** The compiler's own output (warnings, errors), apart from the program's. */
    diagnostics: z.string(),
    durationMs: z.number(),
  }),
  /** Wall time of the program (from lab-run's fork to its exit), when it ran. */
  durationMs: z.number().nullable(),
  /** Wall time of the whole execution, container start and stop included. */
  totalMs: z.number(),
  timedOut: z.boolean(),
  truncated: z.boolean(),
  oomKilled: z.boolean(),
  resources: z.object({ userUs: z.number(), sysUs: z.number(), maxRssKb: z.number() }).nullable(),
  provenance: provenanceSchema,
  /** The DNS scenario the program ran in and every query its server received (DNS probes only). */
  dns: dnsRunSchema.optional(),
});
export type Result = z.infer<typeof resultSchema>;

export function resultId(probeId: string, variantId: string, envId: string): string {
  return `${probeId}:${variantId}@${envId}`;
}

/** Short text for badges and summaries: "ok", "exit 127", "SIGSEGV", "timeout"... */
export function outcomeLabel(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'exit':
      return `exit ${outcome.exitCode}`;
    case 'signal':
      return outcome.signal ?? 'signal';
    default:
      return outcome.kind;
  }
}
