/**
 * Program output shown on a page: control characters (an ANSI colour code's
 * ESC, a bell, a NUL) become their visible Unicode symbols (␛, ␇, ␀), so the
 * reader sees exactly what was printed and a terminal sequence is never acted on.
 * Newlines and tabs stay as they are. HTML needs nothing here: Astro escapes text.
 */
export function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => {
    const code = c.charCodeAt(0);
    return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
  });
}
