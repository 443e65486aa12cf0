/**
 * React 18.3's renderToPipeableStream writes a stray NUL byte where a multi-byte UTF-8
 * character meets the end of its 2 KiB write buffer (react issues 24985, 31134): seen on Arabic
 * pages. No HTML we send contains U+0000, and in UTF-8 the byte 0x00 occurs in no other
 * character, so dropping every 0x00 byte as the stream leaves the server restores the text
 * exactly. The catalogue test checks every page in German and Arabic for NUL.
 */
import { Transform } from "node:stream";

export function withoutNul(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      const out = Buffer.allocUnsafe(chunk.length);
      let n = 0;
      for (const byte of chunk) if (byte !== 0) out[n++] = byte;
      done(null, out.subarray(0, n));
    },
  });
}
