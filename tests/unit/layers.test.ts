import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeCycle, folderCycles, importSpecifiers, readSources, resolveEdges } from './import-graph.ts';

const src = fileURLToPath(new URL('../../src', import.meta.url));

describe('folders of src/ import one way only', () => {
  it('no two top-level folders of src/ import each other, directly or round a loop', () => {
    const cycles = folderCycles(resolveEdges(readSources(src)));
    expect(cycles.map(describeCycle).join('\n\n')).toBe('');
  });
});

describe('import graph', () => {
  it('finds two folders that import each other and names the files', () => {
    const files = new Map([
      ['a/one.ts', "import { b } from '../b/two.ts';"],
      ['b/two.ts', "import type { A } from '../a/one.ts';"],
    ]);
    const [cycle, ...rest] = folderCycles(resolveEdges(files));
    expect(rest).toEqual([]);
    expect(describeCycle(cycle!)).toBe('folders src/a/, src/b/ import each other:\n  src/a/one.ts imports src/b/two.ts\n  src/b/two.ts imports src/a/one.ts');
  });

  it('finds a loop through three folders', () => {
    const files = new Map([
      ['a/x.ts', "import '../b/x.ts';"],
      ['b/x.ts', "export * from '../c/x.ts';"],
      ['c/x.ts', "const m = await import('../a/x.ts');"],
    ]);
    expect(folderCycles(resolveEdges(files)).map((c) => c.folders)).toEqual([['a', 'b', 'c']]);
  });

  it('one-way imports and imports inside one folder are fine', () => {
    const files = new Map([
      ['a/x.ts', "import { y } from './y.ts'; import { b } from '../b/x.ts'; import z from 'zod';"],
      ['a/y.ts', "import { x } from './x.ts';"],
      ['b/x.ts', "import { c } from '../c/x.ts';"],
      ['content.config.ts', "import { a } from './a/x.ts';"],
    ]);
    expect(folderCycles(resolveEdges(files))).toEqual([]);
  });

  it('reads an .astro file\'s frontmatter and scripts, not its markup', () => {
    const astro = "---\nimport X from '../a/x.ts';\n---\n<p>don't import '../b/y.ts' here</p>\n<script>\nimport { z } from '../c/z.ts';\n</script>\n";
    expect(importSpecifiers('comp/X.astro', astro)).toEqual(['../a/x.ts', '../c/z.ts']);
  });
});
