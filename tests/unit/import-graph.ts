import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import from one file of src/, both as paths relative to src/ ("session/run.ts"). */
export interface ImportEdge {
  from: string;
  to: string;
}

/** Two top-level folders that import each other, directly or round a longer loop, with the files that do it. */
export interface FolderCycle {
  folders: string[];
  edges: ImportEdge[];
}

/**
 * The module specifiers of a source file's imports (static, type-only, re-exports,
 * dynamic import()). An .astro file is read as its frontmatter and <script>s: the
 * markup between them is not code.
 */
export function importSpecifiers(file: string, text: string): string[] {
  let code = text;
  if (file.endsWith('.astro')) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    code = [front, ...scripts].join('\n');
  }
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** The folder a path under src/ belongs to: its first segment, or "." for files at src/'s top. */
export function topFolder(path: string): string {
  const parts = path.split('/');
  return parts.length > 1 ? parts[0]! : '.';
}

/** Relative imports only, resolved against the importing file (paths relative to src/). */
export function resolveEdges(files: Map<string, string>): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [from, text] of files) {
    for (const spec of importSpecifiers(from, text)) {
      if (!spec.startsWith('.')) continue;
      const to = posix.normalize(posix.join(posix.dirname(from), spec));
      // `import type` and `import` of one module count once.
      if (!edges.some((e) => e.from === from && e.to === to)) edges.push({ from, to });
    }
  }
  return edges;
}

/**
 * Every set of top-level folders that reach each other through imports (a
 * strongly connected component of the folder graph with more than one folder),
 * with the imports between its folders. Pure.
 */
export function folderCycles(edges: ImportEdge[]): FolderCycle[] {
  const between = edges.filter((e) => !e.to.startsWith('../') && topFolder(e.from) !== topFolder(e.to));
  const next = new Map<string, Set<string>>();
  for (const e of between) {
    const [a, b] = [topFolder(e.from), topFolder(e.to)];
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    next.get(a)!.add(b);
  }
  // Tarjan's algorithm; the graph has a dozen nodes, recursion is fine.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of [...next.keys()].sort()) if (!order.has(v)) visit(v);
  return components
    .filter((c) => c.length > 1)
    .map((c) => {
      const folders = c.sort();
      return { folders, edges: between.filter((e) => folders.includes(topFolder(e.from)) && folders.includes(topFolder(e.to))) };
    });
}

/** How a cycle reads in a failing test: the folders, then each import that closes it. */
export function describeCycle(cycle: FolderCycle): string {
  const lines = cycle.edges.map((e) => `  src/${e.from} imports src/${e.to}`);
  return `folders ${cycle.folders.map((f) => `src/${f}/`).join(', ')} import each other:\n${lines.join('\n')}`;
}

/** Every .ts, .mjs and .astro file under `dir`, keyed by its path relative to `dir` (with "/"). */
export function readSources(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|mts|mjs|js|astro)$/.test(name)) files.set(relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}
