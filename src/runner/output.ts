/** Program output as text: invalid UTF-8 is replaced (U+FFFD) and flagged, never dropped silently. */
export function decodeOutput(bytes: Uint8Array): { text: string; lossy: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), lossy: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), lossy: true };
  }
}
