import { describe, expect, it } from 'vitest';
import { EndMarkerScanner, newEndMarker } from '../../src/backends/docker/end-marker.ts';

const marker = Buffer.from('\0END\0');
const feed = (scanner: EndMarkerScanner, chunks: string[]) => {
  const out = chunks.map((c) => scanner.push(Buffer.from(c)).toString('latin1')).join('');
  return out + scanner.flush().toString('latin1');
};

describe('end marker', () => {
  it('is new for every run and starts with a NUL byte', () => {
    const a = newEndMarker();
    expect(a[0]).toBe(0);
    expect(a.equals(newEndMarker())).toBe(false);
  });

  it('removes the marker and reports the end of the output', () => {
    const s = new EndMarkerScanner(marker);
    expect(s.push(Buffer.from('hello\n')).toString()).toBe('hello\n');
    expect(s.seen).toBe(false);
    expect(s.push(Buffer.from('\0END\0')).toString()).toBe('');
    expect(s.seen).toBe(true);
  });

  it('finds a marker split across chunks and holds its start back meanwhile', () => {
    const s = new EndMarkerScanner(marker);
    expect(s.push(Buffer.from('out\0E')).toString('latin1')).toBe('out');
    expect(s.push(Buffer.from('N')).toString()).toBe('');
    expect(s.push(Buffer.from('D\0')).toString()).toBe('');
    expect(s.seen).toBe(true);
  });

  it('gives back bytes that only looked like the marker\'s start', () => {
    const s = new EndMarkerScanner(marker);
    expect(feed(s, ['a\0E', 'x\0', '\0EN'])).toBe('a\0Ex\0\0EN');
    expect(s.seen).toBe(false);
  });

  it('keeps output that came after the marker (a process outliving the program)', () => {
    const s = new EndMarkerScanner(marker);
    expect(s.push(Buffer.from('main\n\0END\0late\n')).toString()).toBe('main\nlate\n');
    expect(s.push(Buffer.from('later')).toString()).toBe('later');
  });

  it('passes output without the marker through whole', () => {
    expect(feed(new EndMarkerScanner(marker), ['no ', 'marker ', 'here\0'])).toBe('no marker here\0');
  });
});
