/**
 * A shiki transformer that makes highlighted source small enough to show a probe's
 * program on every page without the page growing past its budget.
 *
 * Starlight's code frames (Expressive Code) give every token an inline style with
 * one colour per theme and every line two wrapping elements: about 13 bytes of HTML
 * per byte of source on this site's probes (the locales lesson carried 127 KB of
 * markup for 10 KB of C). Here shiki highlights with Astro's "css-variables" theme,
 * and this transformer turns each token's `color:var(--astro-code-token-…)` into a
 * one-letter class that probe.css colours for the light and the dark theme, leaves
 * default-coloured text bare, merges neighbours of the same class and drops the
 * per-line wrappers (nothing on this site highlights single lines). The text is
 * unchanged, so copying the <pre>'s text copies the file.
 *
 * The hast types are declared here, structurally, rather than imported from shiki or
 * hast, which this project only has through Astro.
 */
export interface HastText { type: 'text'; value: string }
export interface HastElement { type: 'element'; tagName: string; properties: Record<string, unknown>; children: HastNode[] }
export type HastNode = HastText | HastElement | { type: string; [k: string]: unknown };

/** Token kind (the css-variables theme's variable name) → class. Strings and string expressions look alike. */
export const tokenClasses: Readonly<Record<string, string>> = {
  'token-keyword': 'k',
  'token-string': 's',
  'token-string-expression': 's',
  'token-comment': 'c',
  'token-function': 'f',
  'token-constant': 'n',
  'token-parameter': 'v',
  'token-punctuation': 'p',
  'token-link': 'l',
};

const isElement = (n: HastNode): n is HastElement => n.type === 'element';
const isText = (n: HastNode): n is HastText => n.type === 'text';

/** The class for a token span's inline style, or undefined for default-coloured text. */
export function classOfStyle(style: unknown): string | undefined {
  const kind = typeof style === 'string' ? /color:\s*var\(--astro-code-([\w-]+)\)/.exec(style)?.[1] : undefined;
  return kind === undefined ? undefined : tokenClasses[kind];
}

/** All the text under a node (a token nested in a token keeps only the outer one's colour). */
const textOf = (node: HastNode): string =>
  isText(node) ? node.value : isElement(node) ? node.children.map(textOf).join('') : '';

/** Flattens shiki's line and token spans into text and classed spans, merging neighbours that look alike. */
export function compactChildren(lines: HastNode[]): HastNode[] {
  const out: HastNode[] = [];
  const push = (node: HastNode) => {
    const last = out[out.length - 1];
    if (last && isText(node) && isText(last)) last.value += node.value;
    else if (last && isElement(node) && isElement(last) && last.properties.class === node.properties.class) (last.children[0] as HastText).value += textOf(node);
    else out.push(node);
  };
  const token = (node: HastNode) => {
    if (!isElement(node)) return push(node.type === 'text' ? { ...(node as HastText) } : node);
    const cls = classOfStyle(node.properties.style);
    const text: HastText = { type: 'text', value: textOf(node) };
    push(cls === undefined ? text : { type: 'element', tagName: 'span', properties: { class: cls }, children: [text] });
  };
  for (const node of lines) {
    if (isElement(node) && node.properties.class === 'line') node.children.forEach(token);
    else token(node);
  }
  return out;
}

/** The transformer, for Astro's <Code transformers={[compactCode]} theme="css-variables">. */
export const compactCode = {
  name: 'musl-lab:compact-code',
  pre(node: HastElement) {
    // probe.css styles .src; the theme's inline colours and Astro's overflow style are not needed.
    const { style: _style, class: _class, ...rest } = node.properties;
    node.properties = { ...rest, class: 'src' };
  },
  code(node: HastElement) {
    node.children = compactChildren(node.children);
  },
};
