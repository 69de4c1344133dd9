import { describe, expect, it } from 'vitest';
import { collectIncludes, localIncludes } from '../../src/manifest/includes.ts';

/** A `read` function over an in-memory folder. */
const reader = (files: Record<string, string>) => (path: string) => files[path];

describe('collectIncludes', () => {
  it('finds headers included by headers', () => {
    const { files } = collectIncludes('#include "a.h"\n', reader({ 'a.h': '#include "b.h"\n', 'b.h': 'int b;\n' }));
    expect(files.map((f) => f.path)).toEqual(['a.h', 'b.h']);
  });

  it('ignores <system> includes', () => {
    expect(localIncludes('#include <stdio.h>\n#include "mine.h"\n')).toEqual(['mine.h']);
  });

  it('accepts spaces around # and include', () => {
    expect(localIncludes('  #  include "x.h"\n')).toEqual(['x.h']);
  });

  it('reports headers that do not exist', () => {
    const { files, missing } = collectIncludes('#include "a.h"\n#include "gone.h"\n', reader({ 'a.h': '' }));
    expect(files.map((f) => f.path)).toEqual(['a.h']);
    expect(missing).toEqual(['gone.h']);
  });

  it('stops on include cycles', () => {
    const { files } = collectIncludes('#include "a.h"\n', reader({ 'a.h': '#include "b.h"\n', 'b.h': '#include "a.h"\n' }));
    expect(files.map((f) => f.path)).toEqual(['a.h', 'b.h']);
  });

  it('reads each header once even when included twice', () => {
    const reads: string[] = [];
    collectIncludes('#include "a.h"\n#include "a.h"\n', (p) => (reads.push(p), ''));
    expect(reads).toEqual(['a.h']);
  });
});

describe('nested includes, resolved like the compiler', () => {
  it('looks up a header included by sub/a.h next to it first', () => {
    const files: Record<string, string> = { 'sub/a.h': '#include "b.h"\n', 'sub/b.h': 'int b;\n' };
    const found = collectIncludes('#include "sub/a.h"\n', (p) => files[p]);
    expect(found.missing).toEqual([]);
    expect(found.files.map((f) => f.path)).toEqual(['sub/a.h', 'sub/b.h']);
  });
});
