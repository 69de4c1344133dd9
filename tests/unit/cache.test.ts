import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache, writeFileAtomic } from '../../src/runner/cache.ts';
import { result, tempTree } from './helpers.ts';

/** Writes `text` where the cache looks for `key`. */
function plant(cache: ResultCache, key: string, text: string) {
  mkdirSync(dirname(cache.path(key)), { recursive: true });
  writeFileSync(cache.path(key), text);
}

describe('ResultCache', () => {
  it('gives back the result it was given', () => {
    const cache = new ResultCache(tempTree());
    const r = result({ stdout: 'hello\n' });
    cache.put(r);
    expect(cache.get(r.key)).toEqual(r);
  });

  it('has nothing for a key never stored', () => {
    expect(new ResultCache(tempTree()).get('cd'.repeat(32))).toBeUndefined();
  });

  it('treats a corrupt file as absent', () => {
    const cache = new ResultCache(tempTree());
    plant(cache, 'ab'.repeat(32), '{ "schemaVersion": 1, "id": ');
    expect(cache.get('ab'.repeat(32))).toBeUndefined();
  });

  it('treats a file that does not match the result schema as absent', () => {
    const cache = new ResultCache(tempTree());
    plant(cache, 'ab'.repeat(32), JSON.stringify({ ...result(), outcome: { kind: 'exploded' } }));
    expect(cache.get('ab'.repeat(32))).toBeUndefined();
  });

  it('ignores a file whose key differs from its name', () => {
    const cache = new ResultCache(tempTree());
    plant(cache, 'ef'.repeat(32), JSON.stringify(result({ key: 'ab'.repeat(32) })));
    expect(cache.get('ef'.repeat(32))).toBeUndefined();
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file behind', () => {
    const dir = tempTree();
    const file = join(dir, 'sub', 'out.json');
    writeFileAtomic(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['out.json']);
  });
});
