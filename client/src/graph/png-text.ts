/**
 * Text in a PNG file: the figure export writes its title, description (filters, period, legend), sources, date
 * and link as international text chunks (iTXt, UTF-8, uncompressed) under the PNG keywords Title, Description,
 * Source, Creation Time and Comment, so that an image saved for a paper still says what it shows.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | null = null;

/** The CRC-32 the PNG specification uses (ISO 3309, polynomial 0xEDB88320) over `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One iTXt chunk (length, type, data, CRC). Keywords are 1-79 Latin-1 characters; text is UTF-8. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const key = enc.encode(keyword.replace(/[^\x20-\x7e]/g, '').slice(0, 79));
  const body = enc.encode(text);
  // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0, text.
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  data.set(body, key.length + 5);
  const typed = new Uint8Array(4 + data.length);
  typed.set(enc.encode('iTXt'), 0);
  typed.set(data, 4);
  const chunk = new Uint8Array(8 + data.length + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return chunk;
}

/** The PNG `png` with one iTXt chunk per entry, placed right after the header chunk (IHDR). */
export function withPngText(png: Uint8Array, entries: readonly [keyword: string, text: string][]): Uint8Array {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('Not a PNG file.');
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const chunks = entries.filter(([, text]) => text).map(([k, t]) => itxtChunk(k, t));
  const out = new Uint8Array(png.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** The iTXt (and tEXt) entries of a PNG, keyword to text: what `withPngText` wrote. */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  for (let at = 8; at + 12 <= png.length;) {
    const len = view.getUint32(at);
    const type = dec.decode(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    const nul = data.indexOf(0);
    if (type === 'iTXt' && nul > 0 && data[nul + 1] === 0) {
      const lang = data.indexOf(0, nul + 3);
      const translated = data.indexOf(0, lang + 1);
      out[dec.decode(data.subarray(0, nul))] = dec.decode(data.subarray(translated + 1));
    } else if (type === 'tEXt' && nul > 0)
      out[dec.decode(data.subarray(0, nul))] = new TextDecoder('latin1').decode(data.subarray(nul + 1));
    if (type === 'IEND') break;
    at += 12 + len;
  }
  return out;
}
