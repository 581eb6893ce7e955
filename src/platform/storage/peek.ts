// Reads the first bytes of a stream (to tell a file's type from its content) and gives back a
// stream of the whole, head included, so the bytes can still be streamed on to a store.
import { Readable } from "node:stream";

export interface Peeked {
  /** Up to `bytes` first bytes (fewer when the stream is shorter). */
  head: Buffer;
  /** The whole stream again, from its first byte. */
  whole: Readable;
}

export async function peek(source: Readable, bytes: number): Promise<Peeked> {
  const chunks: Buffer[] = [];
  let length = 0;
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let ended = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const buffered = Buffer.concat(chunks);
  async function* again(): AsyncGenerator<Buffer> {
    let done = ended;
    try {
      if (buffered.length) yield buffered;
      while (!done) {
        const next = await iterator.next();
        if (next.done) done = true;
        else yield next.value;
      }
    } finally {
      // Given up half-way (the reader was destroyed): release the source too.
      if (!done) await iterator.return?.();
    }
  }
  return { head: buffered.subarray(0, bytes), whole: Readable.from(again(), { objectMode: false }) };
}
