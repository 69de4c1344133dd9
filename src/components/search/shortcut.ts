/**
 * The search shortcuts: Ctrl+K or ⌘K anywhere (opens, or closes when open),
 * "/" when the reader is not typing in a field. Pure and tiny: it is part of
 * the JavaScript every page loads.
 */
export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean };

export function shortcut(e: KeyPress, typing: boolean): 'toggle' | 'open' | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') return 'toggle';
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing) return 'open';
  return null;
}
