import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, findReferences } from '../../src/lessons/references.ts';
import { LabError } from '../../src/errors/lab-error.ts';
import { probe, tempTree, variant } from './helpers.ts';

const probes = [probe({ id: 'basics/hello', variants: [variant({ id: 'default' }), variant({ id: 'static' })] })];

/** Checks one lesson, content/docs/lesson.mdx, holding `text`. */
function check(text: string) {
  const root = tempTree({ 'content/docs/lesson.mdx': text });
  return checkReferences(root, join(root, 'content'), probes);
}

describe('findReferences', () => {
  it('finds <Probe id> with its line number', () => {
    expect(findReferences('a.mdx', '# Title\n\n<Probe id="basics/hello" />\n')).toEqual([
      { file: 'a.mdx', line: 3, component: 'Probe', id: 'basics/hello', variants: [] },
    ]);
  });

  it('reads the variant prop of <Probe>', () => {
    expect(findReferences('a.mdx', '<Probe id="x/y" variant="big" />')[0]!.variants).toEqual(['big']);
  });

  it('reads the comma separated variants prop of <ProbeMatrix>', () => {
    const [ref] = findReferences('a.mdx', '<ProbeMatrix id="x/y" variants="a, b" />');
    expect(ref).toMatchObject({ component: 'ProbeMatrix', variants: ['a', 'b'] });
  });

  it('finds <ProbeChart>', () => {
    expect(findReferences('a.mdx', 'text\n<ProbeChart id="x/y" metric="kib" />')[0]).toMatchObject({ component: 'ProbeChart', line: 2 });
  });
});

describe('checkReferences', () => {
  it('passes and returns the references when they all exist', () => {
    expect(check('<Probe id="basics/hello" variant="static" />\n')).toHaveLength(1);
  });

  it('rejects an unknown probe id naming file and line', () => {
    expect(() => check('intro\n<Probe id="basics/nope" />\n')).toThrow(
      expect.objectContaining({ name: 'UnknownProbeReference', message: expect.stringContaining('content/docs/lesson.mdx:2') }),
    );
  });

  it('rejects an unknown variant naming file and line', () => {
    try {
      check('<ProbeMatrix id="basics/hello" variants="default,huge" />\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LabError);
      expect((error as LabError).name).toBe('UnknownProbeReference');
      expect((error as LabError).message).toContain('content/docs/lesson.mdx:1: probe "basics/hello" has no variant "huge"');
    }
  });
});
