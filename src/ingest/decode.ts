/**
 * Text decoding for the importer. Browsers decode Windows-1252 correctly; some Node versions (20.18.3+, 22.13+)
 * map 0x80–0x9F to control characters instead of € „ “ – and so on. Where that bug shows, a table decoder is used.
 */
import type { Encoding } from '../shared/types';

export interface StreamDecoder {
  decode(bytes: Uint8Array, options?: { stream?: boolean }): string;
}

// Windows-1252 code points for bytes 0x80–0x9F (undefined bytes map to themselves, as the WHATWG spec says).
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

let nativeOk: boolean | null = null;

function nativeWindows1252Works(): boolean {
  if (nativeOk === null) {
    try {
      nativeOk =
        new TextDecoder('windows-1252').decode(new Uint8Array([0x80, 0x84, 0x96])) === '\u20ac\u201e\u2013';
    } catch {
      nativeOk = false;
    }
  }
  return nativeOk;
}

class Windows1252Decoder implements StreamDecoder {
  private static table: Uint16Array | null = null;

  decode(bytes: Uint8Array): string {
    let table = Windows1252Decoder.table;
    if (!table) {
      table = new Uint16Array(256);
      for (let i = 0; i < 256; i++) table[i] = i >= 0x80 && i < 0xa0 ? HIGH[i - 0x80] : i;
      Windows1252Decoder.table = table;
    }
    const parts: string[] = [];
    const buf = new Uint16Array(8192);
    for (let i = 0; i < bytes.length; i += 8192) {
      const n = Math.min(8192, bytes.length - i);
      for (let j = 0; j < n; j++) buf[j] = table[bytes[i + j]];
      parts.push(String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]));
    }
    return parts.join('');
  }
}

export function createDecoder(encoding: Encoding, fatal = false): StreamDecoder {
  if (encoding === 'windows-1252' && !nativeWindows1252Works()) return new Windows1252Decoder();
  return new TextDecoder(encoding, { fatal });
}
