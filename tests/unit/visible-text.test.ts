import { describe, it, expect } from 'vitest';
import { visibleControls } from '../../src/components/visible-text.ts';

describe('visibleControls', () => {
  it('shows an ANSI escape as ␛ so the sequence is visible and inert', () => {
    expect(visibleControls('\u001b[31mred\u001b[0m')).toBe('␛[31mred␛[0m');
  });
  it('keeps newlines and tabs', () => {
    expect(visibleControls('a\tb\nc')).toBe('a\tb\nc');
  });
  it('shows NUL, bell and DEL', () => {
    expect(visibleControls('\u0000\u0007\u007f')).toBe('␀␇␡');
  });
  it('leaves markup characters to the template, which escapes them', () => {
    expect(visibleControls('<b>x</b>')).toBe('<b>x</b>');
  });
});
