import { randomBytes } from 'node:crypto';

/**
 * The end of a program's output, told by lab-run rather than by the engine.
 *
 * Docker reports a container's end (its attach stream closing, its wait
 * answering) about 20–30 ms after the program's last byte arrived: the shim
 * and the engine tear the container down first. lab-run instead writes a
 * marker, unknown to the program, to stdout and to stderr once the program
 * has ended and its status file is written. Pipes keep order, so everything
 * the program wrote arrived before its marker, and the run can end there.
 */

/** A marker for one run: NUL-delimited and random, so no program prints it by chance or on purpose. */
export function newEndMarker(): Buffer {
  return Buffer.from(`\0lab-run end ${randomBytes(16).toString('hex')}\0`);
}

/**
 * Removes the marker from one output stream as it arrives. Bytes that could be
 * the start of the marker are held back until the next chunk shows whether
 * they are; held bytes that turn out not to be it are the program's own and
 * are passed on (at the latest by flush(), when the stream ends). Pure.
 */
export class EndMarkerScanner {
  private held: Buffer = Buffer.alloc(0);
  private found = false;
  private readonly marker: Buffer;

  constructor(marker: Buffer) {
    this.marker = marker;
  }

  /** True once the marker went past: the program's output on this stream is complete. */
  get seen(): boolean {
    return this.found;
  }

  /** The program's bytes in this chunk, marker removed. */
  push(chunk: Buffer): Buffer {
    if (this.found) return chunk;
    const data = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    const at = data.indexOf(this.marker);
    if (at >= 0) {
      this.found = true;
      this.held = Buffer.alloc(0);
      // Anything after the marker came from a process that outlived the program: still its output.
      return Buffer.concat([data.subarray(0, at), data.subarray(at + this.marker.length)]);
    }
    const hold = this.partialMarkerAtEnd(data);
    this.held = Buffer.from(data.subarray(data.length - hold));
    return data.subarray(0, data.length - hold);
  }

  /** At the stream's end: whatever was held back belonged to the program. */
  flush(): Buffer {
    const rest = this.held;
    this.held = Buffer.alloc(0);
    return rest;
  }

  /** How many trailing bytes of data are a proper prefix of the marker. */
  private partialMarkerAtEnd(data: Buffer): number {
    for (let k = Math.min(data.length, this.marker.length - 1); k > 0; k--) {
      if (data.subarray(data.length - k).equals(this.marker.subarray(0, k))) return k;
    }
    return 0;
  }
}
