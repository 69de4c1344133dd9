import { describe, it, expect } from 'vitest';
import { classOfStyle, compactChildren, compactCode, type HastElement, type HastNode } from '../../src/components/compact-code.ts';

// Hand-made hast in the shape shiki gives for the css-variables theme: lines of token spans.
const tok = (kind: string, value: string): HastElement => ({ type: 'element', tagName: 'span', properties: { style: `color:var(--astro-code-${kind})` }, children: [{ type: 'text', value }] });
const line = (...children: HastNode[]): HastElement => ({ type: 'element', tagName: 'span', properties: { class: 'line' }, children });
const text = (value: string): HastNode => ({ type: 'text', value });
const textOf = (nodes: HastNode[]): string => nodes.map((n) => (n.type === 'text' ? (n as { value: string }).value : textOf((n as HastElement).children))).join('');

describe('compact source highlighting', () => {
  it('maps token kinds to classes, default-coloured text to none', () => {
    expect(classOfStyle('color:var(--astro-code-token-keyword)')).toBe('k');
    expect(classOfStyle('color:var(--astro-code-token-string-expression)')).toBe('s');
    expect(classOfStyle('color:var(--astro-code-foreground)')).toBeUndefined();
    expect(classOfStyle(undefined)).toBeUndefined();
  });

  it('drops line wrappers and bare-coloured spans, keeps the text byte for byte', () => {
    const lines = [line(tok('token-keyword', 'int'), tok('foreground', ' x '), tok('token-keyword', '=')), text('\n'), line(tok('token-comment', '/* c */'))];
    const before = textOf(lines);
    const out = compactChildren(lines);
    expect(textOf(out)).toBe(before);
    expect(out).toEqual([
      { type: 'element', tagName: 'span', properties: { class: 'k' }, children: [{ type: 'text', value: 'int' }] },
      { type: 'text', value: ' x ' },
      { type: 'element', tagName: 'span', properties: { class: 'k' }, children: [{ type: 'text', value: '=' }] },
      { type: 'text', value: '\n' },
      { type: 'element', tagName: 'span', properties: { class: 'c' }, children: [{ type: 'text', value: '/* c */' }] },
    ]);
  });

  it('merges neighbours of one class, across lines', () => {
    const out = compactChildren([line(tok('token-comment', '/*')), line(tok('token-comment', ' */'))]);
    expect(out).toEqual([{ type: 'element', tagName: 'span', properties: { class: 'c' }, children: [{ type: 'text', value: '/* */' }] }]);
  });

  it('keeps the <pre> attributes it was given, replacing the inline theme style by a class', () => {
    const pre: HastElement = { type: 'element', tagName: 'pre', properties: { class: 'astro-code css-variables', style: 'color:var(--astro-code-foreground)', tabindex: '0', 'aria-label': 'source of x.c' }, children: [] };
    compactCode.pre(pre);
    expect(pre.properties).toEqual({ class: 'src', tabindex: '0', 'aria-label': 'source of x.c' });
  });
});
