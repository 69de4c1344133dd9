import { describe, expect, it } from 'vitest';
import { checkVersionsInProse, findBareVersions } from '../../src/lessons/versions-in-prose.ts';
import { caught, tempTree } from './helpers.ts';

const bare = (text: string) => findBareVersions('content/x.mdx', text).map((b) => b.text);

describe('no hand-written libc version in lessons', () => {
  it('flags a family followed by a version', () => {
    expect(bare('Measured with glibc 2.36 and musl 1.2.3.')).toEqual(['glibc 2.36', 'musl 1.2.3']);
    expect(bare('built against glibc-2.36 here')).toEqual(['glibc-2.36']);
    expect(bare('on musl version 1.2.5 it')).toEqual(['musl version 1.2.5']);
  });

  it('accepts explicit ranges', () => {
    for (const ok of [
      'musl before 1.2.4 did not retry over TCP',
      'glibc 2.34 and later',
      'since musl 1.2.4',
      'from glibc 2.38',
      'up to 1.2.3',
      'musl 1.2.3–1.2.5',
      'musl 1.2.3 to 1.2.5',
      'glibc 2.36 or later',
      'glibc ≥ 2.34',
      'musl < 1.2.4',
      'prior to glibc 2.34',
    ]) expect(bare(ok), ok).toEqual([]);
  });

  it('ignores fenced code, import lines and link addresses', () => {
    expect(bare('```\nmusl 1.2.3\n```\nimport X from "glibc 2.36";\n[NEWS](https://sourceware.org/git/?p=glibc.git;a=blob;f=NEWS;hb=glibc-2.36)')).toEqual([]);
  });

  it('fails the build naming file and line, with what to write instead', () => {
    const root = tempTree({ 'content/a/lesson.mdx': '---\ntitle: T\n---\nFine text.\nOn musl 1.2.3 it fails.\n' });
    const error = caught(() => checkVersionsInProse(root, `${root}/content`));
    expect(error.message).toContain('content/a/lesson.mdx:5: "musl 1.2.3"');
    expect(error.hint).toContain('<LibcVersion env="musl" />');
  });
});
