import { describe, expect, it } from 'vitest';
import { commandLine } from '../../src/components/command-line.ts';

describe('commandLine', () => {
  it('shows the program as ./name and quotes what a shell would split', () => {
    expect(commandLine(['/probe/hello', 'a b', "it's"])).toBe(`./hello 'a b' 'it'\\''s'`);
  });

  it('keeps tools as they are and shows the program folder as "."', () => {
    expect(commandLine(['/lib/ld-musl-x86_64.so.1', '--library-path', '/probe', '/probe/bin/tool'])).toBe('/lib/ld-musl-x86_64.so.1 --library-path . ./bin/tool');
  });
});
