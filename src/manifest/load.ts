import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, dirname, basename, posix } from 'node:path';
import { manifestSchema, type Manifest } from './schema.ts';
import { formatIssues } from '../errors/format-issues.ts';
import { collectIncludes } from './includes.ts';
import { defaultLimits, type Build, type Probe, type ResolvedVariant } from './probe.ts';
import type { SourceFile } from './includes.ts';
import { LabError } from '../errors/lab-error.ts';
import { loadScenario, type ResolvedScenario } from '../dns/load-scenario.ts';
import { toolchainNames, toolchains } from '../config/toolchains.ts';
import { defaultPair, environments as configuredEnvironments, expandEnvironment, isFamily } from '../config/environments.ts';
import { looksLikeRange, parseRange, rangesOverlap, type VersionRange } from './version-range.ts';

export const manifestSuffix = '.probe.json';

/** Every manifest under the probes folder, sorted, as paths relative to it. */
export function findManifests(probesDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(manifestSuffix)) found.push(relative(probesDir, full).split('\\').join('/'));
    }
  };
  if (existsSync(probesDir)) walk(probesDir);
  return found;
}

function invalid(file: string, problems: string[], hint: string): LabError {
  return new LabError({
    name: 'ManifestInvalid',
    message: `${file} is not a valid probe manifest:\n    ${problems.join('\n    ')}`,
    hint,
    file,
  });
}

/**
 * Parses and validates one manifest against the schema and the known
 * environments. `rel` is relative to probesDir; errors name `displayRoot/rel`.
 */
export function loadManifest(probesDir: string, rel: string, knownEnvs: string[], displayRoot = 'c-probes', defaultEnvs = knownEnvs): Probe {
  const file = posix.join(displayRoot, rel);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(probesDir, rel), 'utf8'));
  } catch (error) {
    throw invalid(file, [`not valid JSON: ${(error as Error).message}`], 'Fix the JSON syntax (trailing commas and comments are not allowed).');
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalid(file, formatIssues(parsed.error), 'Compare with an existing manifest such as c-probes/basics/hello.probe.json; every field is described in src/manifest/schema.ts.');
  }
  const manifest: Manifest = parsed.data;

  const folder = dirname(rel) === '.' ? '' : dirname(rel);
  const stem = basename(rel, manifestSuffix);
  const id = manifest.id ?? (folder ? `${folder}/${stem}` : stem);
  const problems: string[] = [];
  const inFolder = (name: string) => (folder ? `${folder}/${name}` : name);
  const readLocal = (p: string) => {
    const full = join(probesDir, folder, p);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };

  let sourcePath = '';
  let source = '';
  let includes: ReturnType<typeof collectIncludes> = { files: [], missing: [] };
  let build: Build = { kind: 'cc' };
  let program = '';
  if (manifest.npm) {
    if (manifest.source || manifest.compile || manifest.toolchain) {
      throw invalid(file, [`npm: a probe fetched from npm has nothing to compile, but the manifest also sets ${manifest.source ? '"source"' : manifest.compile ? '"compile"' : '"toolchain"'}`], 'Keep "npm" and remove "source"/"compile", or write a C probe without "npm".');
    }
    build = { kind: 'npm', ...manifest.npm };
    program = manifest.npm.bin;
  } else {
    const language = manifest.toolchain ? toolchains[manifest.toolchain] : undefined;
    const sourceName = manifest.source ?? `${stem}${language?.extension ?? '.c'}`;
    if (!language && !sourceName.endsWith('.c')) {
      throw invalid(file, [`source: ${sourceName} is not C, and "toolchain" is not set`], `Set "toolchain" to ${toolchainNames.map((n) => `"${n}"`).join(', ')} for a program in that language, or name a .c file.`);
    }
    if (language && !manifest.compile?.script) {
      throw invalid(file, [`toolchain: a ${language.label} probe is built by its build script, but "compile.script" is not set`], `Add a script next to the manifest (e.g. build.sh) that writes "$OUT/$NAME", and set "compile": {"script": "build.sh", "inputs": ["${sourceName}"]}.`);
    }
    sourcePath = inFolder(sourceName);
    if (!existsSync(join(probesDir, sourcePath))) {
      throw invalid(file, [`source: ${sourceName} does not exist next to the manifest`], `Create ${posix.join(displayRoot, sourcePath)} or set "source" to the C file's name.`);
    }
    source = readFileSync(join(probesDir, sourcePath), 'utf8');
    // Local #includes are C's; other languages list the files their build reads in compile.inputs.
    if (!language) includes = collectIncludes(source, readLocal);
    if (includes.missing.length > 0) {
      throw invalid(file, [`source: ${sourceName} includes missing header(s) ${includes.missing.join(', ')}`], 'Add the header next to the source, or fix the #include line.');
    }
    // An interpreted program keeps its file name (the interpreter is given the file); a compiled one is its stem.
    program = language?.interpreter ? sourceName.replace(/^.*\//, '') : sourceName.replace(/\.(c|go|rs|py)$/, '').replace(/^.*\//, '');
    const script = manifest.compile?.script;
    if (script) {
      const inputs: SourceFile[] = [];
      for (const [i, name] of [script, ...(manifest.compile?.inputs ?? [])].entries()) {
        const content = readLocal(name);
        const field = i === 0 ? 'compile.script' : `compile.inputs[${i - 1}]`;
        if (content === undefined) problems.push(`${field}: ${name} does not exist next to the manifest`);
        else inputs.push({ path: name, content });
      }
      build = { kind: 'script', script, inputs };
    } else if (manifest.compile?.env) {
      problems.push('compile.env: build variables are read by a build script, but "compile.script" is not set');
    } else if (manifest.compile?.inputs) {
      problems.push('compile.inputs: inputs are read by a build script, but "compile.script" is not set');
    }
  }

  // A family name stands for its environments ("musl": every musl version; benchmarks: the default pair's).
  const pairOnly = manifest.exclusive ?? false;
  const expand = (ids: string[] | undefined): string[] | undefined =>
    ids?.flatMap((id) => (knownEnvs.includes(id) || !isFamily(id) ? [id] : expandEnvironment(id, pairOnly).filter((e) => knownEnvs.includes(e))));
  const checkEnvs = (field: string, ids: string[] | undefined) => {
    for (const [i, env] of (ids ?? []).entries()) {
      if (!knownEnvs.includes(env) && !isFamily(env)) problems.push(`${field}[${i}]: unknown environment "${env}" (known: ${knownEnvs.join(', ')}, or a family: glibc, musl)`);
    }
  };
  const versioned = new Set(configuredEnvironments.filter((e) => !e.optIn).map((e) => e.id));
  const checkExpectKeys = (field: string, expect: Record<string, { change?: string }> | undefined) => {
    for (const [key, e] of Object.entries(expect ?? {})) {
      if (looksLikeRange(key)) {
        const r = parseRange(key);
        if (typeof r === 'string') problems.push(`${field}.${key}: ${r}`);
        else if (!e.change) problems.push(`${field}.${key}.change: a version range needs "change", the upstream change that explains it (a WHATSNEW/NEWS line with its release, or a commit)`);
      } else if (!knownEnvs.includes(key) && !isFamily(key)) {
        problems.push(`${field}.${key}: unknown environment "${key}" (known: ${knownEnvs.join(', ')}; or a family "glibc"/"musl", or a range such as "musl<1.2.4")`);
      } else if (!isFamily(key) && versioned.has(key) && !e.change) {
        problems.push(`${field}.${key}.change: an expectation for one version ("${key}") needs "change", the upstream change that explains it (a WHATSNEW/NEWS line with its release, or a commit)`);
      }
    }
  };
  const checkOverlaps = (field: string, expect: Record<string, unknown>) => {
    const ranges = Object.keys(expect).filter(looksLikeRange).map(parseRange).filter((r): r is VersionRange => typeof r !== 'string');
    for (const [i, a] of ranges.entries()) {
      for (const b of ranges.slice(i + 1)) {
        if (rangesOverlap(a, b)) problems.push(`${field}: the ranges "${a.text}" and "${b.text}" overlap; make them disjoint (e.g. "musl<1.2.4" and "musl>=1.2.4") so one expectation applies to each version`);
      }
    }
  };
  checkEnvs('environments', manifest.environments);
  checkExpectKeys('expect', manifest.expect);

  const variantsIn = manifest.variants ?? [{ id: 'default' }];
  const pair = defaultEnvs.filter((e) => defaultPair().includes(e));
  const probeDefaultEnvs = pairOnly && pair.length > 0 ? pair : defaultEnvs;
  const scenarios = new Map<string, ResolvedScenario>();
  const scenario = (id: string | undefined, field: string): ResolvedScenario | undefined => {
    if (id === undefined) return undefined;
    let found = scenarios.get(id);
    if (!found) {
      found = loadScenario(probesDir, id, `${file}: ${field}`, displayRoot);
      scenarios.set(id, found);
    }
    return found;
  };
  const seen = new Set<string>();
  const variants: ResolvedVariant[] = variantsIn.map((v, i) => {
    const at = `variants[${i}]`;
    if (seen.has(v.id)) problems.push(`${at}.id: duplicate variant id "${v.id}"`);
    seen.add(v.id);
    checkEnvs(`${at}.environments`, v.environments);
    checkExpectKeys(`${at}.expect`, v.expect);
    if (manifest.npm && (v.compileIn !== undefined || v.compile !== undefined)) {
      problems.push(`${at}: ${v.compileIn !== undefined ? '"compileIn"' : '"compile"'} does not apply to a program fetched from npm`);
    }
    if (v.compileIn !== undefined && !knownEnvs.includes(v.compileIn) && !isFamily(v.compileIn)) {
      problems.push(`${at}.compileIn: unknown environment "${v.compileIn}" (known: ${knownEnvs.join(', ')}, or a family: glibc, musl — the same Debian release as the run)`);
    }
    if (v.compile?.env && build.kind !== 'script') problems.push(`${at}.compile.env: build variables are read by a build script, but "compile.script" is not set`);
    const resolved: ResolvedVariant = {
      id: v.id,
      label: v.label ?? v.id,
      args: v.args ?? [],
      stdin: v.stdin ?? '',
      env: v.env ?? {},
      flags: [...(manifest.compile?.flags ?? []), ...(v.compile?.flags ?? [])],
      ldflags: [...(manifest.compile?.ldflags ?? []), ...(v.compile?.ldflags ?? [])],
      buildEnv: { ...manifest.compile?.env, ...v.compile?.env },
      stackLimitKib: v.stackLimitKib,
      compileIn: v.compileIn,
      command: v.command,
      environments: expand(v.environments) ?? expand(manifest.environments) ?? probeDefaultEnvs,
      expect: { ...manifest.expect, ...v.expect },
      ...(v.symptom ?? manifest.symptom ? { symptom: v.symptom ?? manifest.symptom } : {}),
      compareVersions: v.compareVersions ?? manifest.compareVersions ?? 'output',
      limits: { ...defaultLimits, ...manifest.limits, ...v.limits },
      dns: v.dns !== undefined ? scenario(v.dns, `${at}.dns`) : scenario(manifest.dns, 'dns'),
    };
    checkOverlaps(`${at}.expect`, resolved.expect);
    const expectations = Object.entries(resolved.expect);
    for (const [env, e] of expectations) {
      if (e.queries && !resolved.dns) problems.push(`${at}.expect.${env}.queries: query counts need a DNS scenario (set "dns" on the probe or the variant)`);
    }
    return resolved;
  });
  if (problems.length > 0) {
    throw invalid(file, problems, 'Environment ids come from src/config/environments.ts; variant ids must be unique within a probe; files are named relative to the manifest\'s folder.');
  }

  return {
    id,
    title: manifest.title,
    description: manifest.description ?? '',
    manifestFile: file,
    sourcePath,
    source,
    includes: includes.files,
    build,
    ...(manifest.toolchain ? { toolchain: manifest.toolchain } : {}),
    program,
    exclusive: manifest.exclusive ?? false,
    check: manifest.check ?? false,
    ...(manifest.checkFile ? { checkFile: manifest.checkFile } : {}),
    variants,
  };
}

/** Loads every manifest; a duplicate probe id names both files. */
export function loadProbes(probesDir: string, knownEnvs: string[], displayRoot = 'c-probes', defaultEnvs = knownEnvs): Probe[] {
  const probes: Probe[] = [];
  const byId = new Map<string, Probe>();
  for (const rel of findManifests(probesDir)) {
    const probe = loadManifest(probesDir, rel, knownEnvs, displayRoot, defaultEnvs);
    const other = byId.get(probe.id);
    if (other) {
      throw new LabError({
        name: 'ProbeIdDuplicate',
        message: `Probe id "${probe.id}" is used by both ${other.manifestFile} and ${probe.manifestFile}.`,
        hint: 'Give one of them a different "id" (or rename its file).',
        file: probe.manifestFile,
      });
    }
    byId.set(probe.id, probe);
    probes.push(probe);
  }
  return probes;
}
