import { z } from 'zod';
import { toolchainNames } from '../config/toolchains.ts';

/** How a run ended. A crash or a hang is an outcome (data), never a runner error. */
export const outcomeKinds = ['ok', 'exit', 'signal', 'timeout', 'compile-failed', 'exec-failed', 'output-truncated'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

const idPattern = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
const argSchema = z.string();
const regexSchema = z.string().refine((s) => {
  try {
    new RegExp(s, 'm');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** A count, exactly or within a band. */
export const countSchema = z.union([
  z.number().int().min(0),
  z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }).strict(),
]);
export type Count = z.infer<typeof countSchema>;

/** How many queries of the DNS scenario's log match a filter (fields given must all match). */
export const queryCountSchema = z
  .object({
    /** Query name, exact and case-insensitive (no trailing dot). */
    name: z.string().optional(),
    /** Query type such as "A" or "AAAA". */
    type: z.string().optional(),
    transport: z.enum(['udp', 'tcp']).optional(),
    /** Nameserver address that received it. */
    server: z.string().optional(),
    /** Whether the query carried an EDNS OPT record. */
    edns: z.boolean().optional(),
    /** Expected number of matching queries: a number, or {"min": a, "max": b}. */
    count: countSchema,
  })
  .strict();
export type QueryCount = z.infer<typeof queryCountSchema>;

/** A band for a number the probe printed as "name=value"; wide enough for a noisy 2-core machine. */
export const metricBandSchema = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .strict()
  .refine((b) => b.min !== undefined || b.max !== undefined, 'give "min", "max" or both');

/**
 * What one environment is expected to do; every field given must match.
 *
 * `expect` maps keys to these. A key is, most specific first (the first that applies wins, whole):
 *   - an environment id: "musl-bookworm" (one version; needs "change" when it is a versioned environment);
 *   - a version range of a family: "musl<1.2.4", "glibc>=2.38", "musl>=1.2.4 <1.2.6", "musl=1.2.5"
 *     (operators < <= > >= =, a space means "and"; needs "change"; ranges of one family must not overlap);
 *   - a family: "glibc" or "musl", every version of it (what manifests wrote before versions existed).
 * Versions are matched against the libc version in each run's provenance.
 */
export const expectationSchema = z
  .object({
    /** Outcome kind: ok (exit 0), exit (non-zero), signal, timeout, compile-failed, exec-failed, output-truncated. */
    outcome: z.enum(outcomeKinds),
    /** Exit code, for outcome "exit". */
    exitCode: z.number().int().min(1).max(255).optional(),
    /** Signal name such as "SIGSEGV", for outcome "signal". */
    signal: z.string().regex(/^SIG[A-Z0-9]+$/, 'a signal name such as "SIGSEGV"').optional(),
    /** Regular expressions that stdout must match, each on its own. */
    stdout: z.array(regexSchema).optional(),
    /** Regular expressions that stderr (or, for compile-failed, the compiler's diagnostics) must match. */
    stderr: z.array(regexSchema).optional(),
    /** Numbers the program printed as "name=value" lines, each within its band, e.g. {"elapsed_ms": {"max": 800}}. */
    metrics: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a metric name such as "elapsed_ms"'), metricBandSchema).optional(),
    /** Query counts in the DNS scenario's log (probes with "dns" only); {"count": n} alone counts every query. */
    queries: z.array(queryCountSchema).optional(),
    /**
     * The upstream change that makes this version range behave differently, required on a range key
     * ("musl<1.2.4") or a versioned environment key ("musl-bookworm"): a WHATSNEW or NEWS line with its
     * release, or a commit, e.g. "musl 1.2.4 WHATSNEW: TCP fallback in DNS lookups". The "what changed"
     * page shows it beside both outputs.
     */
    change: z.string().min(8, 'cite the upstream change: a WHATSNEW/NEWS line with its release, or a commit').optional(),
  })
  .strict();
export type Expectation = z.infer<typeof expectationSchema>;

/** The stages of the symptom index ("I see this error"), in the order a reader meets them. */
export const symptomStages = ["won't build", "won't start", 'crashes', 'answers differently'] as const;
export type SymptomStage = (typeof symptomStages)[number];

/** Line patterns of one output stream: each is matched against every line on its own. */
const symptomLines = z.array(regexSchema);

/**
 * Which lines of a run's output are its symptom, for the symptom index (src/symptoms/).
 * A stream named here is read only through its patterns ([] leaves it out); a stream not named
 * keeps the default rules of src/symptoms/extract.ts. A pattern with a capture group indexes
 * the group (e.g. "^strerror\\(0\\) = (.+)$" indexes only the message text), else the whole line.
 */
export const symptomSchema = z
  .object({
    /** Patterns for standard error lines. */
    stderr: symptomLines.optional(),
    /** Patterns for standard output lines. */
    stdout: symptomLines.optional(),
    /** Patterns for the compiler's diagnostics (errors and warnings of the build). */
    diagnostics: symptomLines.optional(),
    /** Stage of the lines these patterns pick; default: from how the run ended (see src/symptoms/extract.ts). */
    stage: z.enum(symptomStages, { error: () => `a stage: ${symptomStages.map((s) => `"${s}"`).join(', ')}` }).optional(),
  })
  .strict()
  .refine((s) => s.stderr || s.stdout || s.diagnostics || s.stage, 'give at least one of "stderr", "stdout", "diagnostics" or "stage"');
export type Symptom = z.infer<typeof symptomSchema>;

/** Resource limits of one execution. Defaults are small: probes are tiny programs. */
export const limitsSchema = z
  .object({
    /** Wall-clock limit in milliseconds; the whole container is killed when it passes. */
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
    /** Memory cap in MiB (no swap). */
    memoryMb: z.number().int().min(8).max(4096).optional(),
    /** Maximum number of processes and threads. */
    pids: z.number().int().min(4).max(4096).optional(),
    /** CPU share, in CPUs. */
    cpus: z.number().min(0.1).max(8).optional(),
    /** Bytes of stdout plus stderr kept; more ends the run as output-truncated. */
    outputBytes: z.number().int().min(1024).max(16 * 1024 * 1024).optional(),
  })
  .strict();
export type Limits = z.infer<typeof limitsSchema>;

export const compileSchema = z
  .object({
    /** Compiler flags, e.g. ["-O2", "-pthread"]. */
    flags: z.array(argSchema).optional(),
    /** Flags placed after the source file (libraries, -Wl options). */
    ldflags: z.array(argSchema).optional(),
    /** Variables a build script gets besides CC, CFLAGS, LDFLAGS, NAME and OUT, e.g. {"CGO_ENABLED": "0"}. */
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a variable name such as "CGO_ENABLED"'), z.string()).optional(),
  })
  .strict();

const relativeFile = z
  .string()
  .min(1)
  .refine((s) => !s.startsWith('/') && !s.split('/').includes('..'), 'a file in the probe\'s folder (no "/" at the start, no "..")');

/** Probe-level build settings: the flags above, or a build script for probes made of several files. */
export const probeCompileSchema = compileSchema
  .extend({
    /**
     * A shell script next to the manifest that builds the program instead of one compiler call
     * (e.g. a shared library and a caller). It runs in the build image with CC, CFLAGS, LDFLAGS,
     * NAME (the program's file name) and OUT (the output folder) set, and must write $OUT/$NAME;
     * anything else it writes to $OUT is mounted beside the program at run time.
     */
    script: relativeFile.optional(),
    /** Other files the script reads (sources, headers), so that changing them re-runs the probe. */
    inputs: z.array(relativeFile).optional(),
  })
  .strict();

/** A prebuilt program fetched from the npm registry instead of a C source. */
export const npmSchema = z
  .object({
    /** Package name, e.g. "@esbuild/linux-x64". */
    package: z.string().regex(/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, 'an npm package name such as "@esbuild/linux-x64"'),
    /** Exact version: a result must be reproducible, so ranges and tags are refused. */
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'an exact version such as "0.25.0" (no range, no tag)'),
    /** The program inside the package, e.g. "bin/esbuild". */
    bin: relativeFile,
    /**
     * Other packages unpacked beside the program, each under node_modules/<name>/ of the same
     * folder (so a run finds them at /probe/node_modules/<name>/): e.g. a native add-on that the
     * program, Node.js, loads. Exact versions only, as for the program.
     */
    with: z
      .array(
        z
          .object({
            package: z.string().regex(/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, 'an npm package name such as "@node-rs/crc32-linux-x64-gnu"'),
            version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'an exact version such as "1.10.8" (no range, no tag)'),
          })
          .strict(),
      )
      .min(1)
      .optional(),
  })
  .strict();

/**
 * What must be equal between versions of one libc for their results to count as the same:
 * "output" (the default: outcome, exit code or signal, stdout and stderr), "outcome" (only how the run
 * ended: for output that varies run to run, such as addresses), false (not compared), or
 * {"ignore": [regex, ...]}: the output, without the lines that match (timings such as "took 12 ms").
 */
export const compareVersionsSchema = z.union([
  z.enum(['output', 'outcome']),
  z.literal(false),
  z.object({ ignore: z.array(regexSchema).min(1) }).strict(),
]);
export type CompareVersions = z.infer<typeof compareVersionsSchema>;

export const variantSchema = z
  .object({
    /** Variant id, unique in its probe; lessons refer to it. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    /** Short label shown on the page. */
    label: z.string().optional(),
    /** Program arguments. */
    args: z.array(argSchema).optional(),
    /** Text fed to standard input. */
    stdin: z.string().optional(),
    /** Extra environment variables of the program. */
    env: z.record(z.string(), z.string()).optional(),
    /** Compiler flags added to the probe's own. */
    compile: compileSchema.optional(),
    /** Soft and hard stack limit (ulimit -s) in KiB for the program, or "unlimited". */
    stackLimitKib: z.union([z.number().int().min(16), z.literal('unlimited')]).optional(),
    /** DNS scenario the program runs in: c-probes/dns/scenarios/<id>.json (its nameservers, resolv.conf, hosts, nsswitch.conf). */
    dns: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a scenario file name without .json, such as "dead-first-nameserver"').optional(),
    /** Compile in this environment instead of the one it runs in (e.g. built on glibc, run on musl). */
    compileIn: z.string().optional(),
    /** Environments to run in; default: the probe's. */
    environments: z.array(z.string()).min(1).optional(),
    /**
     * Run this command instead of the program, e.g. ["readelf", "-lW", "{probe}"] or
     * ["/lib/ld-musl-x86_64.so.1", "{probe}"]. "{probe}" is the program's path, "{dir}" its folder;
     * "args" are appended. The first word needs an absolute path ("/bin/sh", not "sh"): it is
     * started with execv, without a PATH search.
     */
    command: z.array(argSchema).min(1).optional(),
    /** Expectations per environment id, family or version range, overriding the probe's keys of the same name. */
    expect: z.record(z.string(), expectationSchema).optional(),
    /** Which output lines are this variant's symptom, replacing the probe's "symptom". */
    symptom: symptomSchema.optional(),
    limits: limitsSchema.optional(),
    /** How results of two versions of one libc are compared; overrides the probe's "compareVersions". */
    compareVersions: compareVersionsSchema.optional(),
  })
  .strict();
export type Variant = z.infer<typeof variantSchema>;

export const manifestSchema = z
  .object({
    /** Probe id, "topic/name"; defaults to the folder and file name. */
    id: z.string().regex(idPattern, 'lowercase words separated by "/" such as "thread-stack/sweep"').optional(),
    /** Title shown above the probe. */
    title: z.string().min(1),
    /** One or two sentences: what this probe shows. */
    description: z.string().optional(),
    /** Source file next to the manifest; defaults to the manifest's name with .c (or the toolchain's extension). */
    source: z.string().regex(/\.(c|go|rs|py)$/, 'a .c file, or a .go, .rs or .py file with "toolchain" set').optional(),
    /**
     * A Go, Rust or Python program instead of C: built by "compile.script" in the environment's
     * toolchain image (Debian's packages of the same suite); the toolchain's version is part of the
     * cache key and of each result's provenance. Python programs run with the run image's python3.
     */
    toolchain: z.enum(toolchainNames).optional(),
    compile: probeCompileSchema.optional(),
    /** Run a prebuilt program from the npm registry instead of compiling a C source. */
    npm: npmSchema.optional(),
    /** Environments to run in, by id ("musl-bookworm") or family ("musl": each of its versions); default: all. */
    environments: z.array(z.string()).min(1).optional(),
    /** Expectations per environment id, family ("musl") or version range ("musl<1.2.4"), for every variant that does not override them. */
    expect: z.record(z.string(), expectationSchema).optional(),
    /**
     * Which lines of the output are the symptom a reader would search for, in the symptom index:
     * {"stderr": ["regex"], "stdout": ["regex"], "diagnostics": ["regex"], "stage": "won't start"}.
     */
    symptom: symptomSchema.optional(),
    /** How results of two versions of one libc are compared (default "output"); see compareVersionsSchema. */
    compareVersions: compareVersionsSchema.optional(),
    limits: limitsSchema.optional(),
    /**
     * Also judge the program with check-binary in each environment and show the verdict beside the
     * run; a verdict that contradicts the run fails like an unmet expectation.
     */
    check: z.boolean().optional(),
    /**
     * With "check": the file of the build output that check-binary judges instead of the program,
     * e.g. "spam.so" for a Python extension module; then every variant is judged, also those with a "command".
     */
    checkFile: relativeFile.optional(),
    /** DNS scenario the program runs in: c-probes/dns/scenarios/<id>.json (its nameservers, resolv.conf, hosts, nsswitch.conf). */
    dns: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a scenario file name without .json, such as "dead-first-nameserver"').optional(),
    /** Run alone, after every other run, one at a time: for timings that other containers would disturb. */
    exclusive: z.boolean().optional(),
    /** The runs of this probe; one "default" variant when omitted. */
    variants: z.array(variantSchema).min(1).optional(),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;
