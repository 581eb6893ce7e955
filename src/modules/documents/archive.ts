// Unpacks a zip archive as it streams in (a folder uploaded at once), handing each file on as a
// stream, and refuses a zip bomb before it can fill memory or disk: at most so many entries, so many
// bytes unpacked in all, and a ratio of unpacked to received bytes (checked as the bytes come out,
// on slices of 16 KB, so one slice can never unpack to more than a few MB before the check).
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import { Unzip, UnzipInflate } from "fflate";
import { tooLarge, validationError, type AppError } from "../../platform/errors.ts";

export interface ArchiveLimits {
  maxEntries: number;
  maxBytes: number;
  maxRatio: number;
}

const SLICE = 16 * 1024;
/** Below this much unpacked, the ratio is not judged (a small file of one repeated byte is no bomb). */
const RATIO_FLOOR = 1024 * 1024;

const bomb = (detail: string) => tooLarge("documents/zip-bomb", detail, { field: "file" });

export async function unpackArchive(
  source: Readable,
  limits: ArchiveLimits,
  onEntry: (path: string, stream: Readable) => Promise<void>,
): Promise<{ entries: number }> {
  let received = 0;
  let unpacked = 0;
  let entries = 0;
  let failure: Error | AppError | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };
  let current: { stream: PassThrough; done: Promise<void> } | null = null;
  const pending: Array<Promise<void>> = [];
  const unzip = new Unzip((file) => {
    if (failure || file.name.endsWith("/")) return; // folders come from the files' paths
    entries++;
    if (entries > limits.maxEntries) {
      fail(bomb(`the archive holds more than ${limits.maxEntries} files`));
      return;
    }
    if (file.compression !== 0 && file.compression !== 8) {
      fail(
        validationError(
          "documents/zip-method",
          `"${file.name.slice(0, 80)}" is packed in a way Closebook cannot read`,
          { field: "file" },
        ),
      );
      return;
    }
    const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
    const done = onEntry(file.name, stream).catch((error: Error) => {
      fail(error);
      stream.destroy();
    });
    current = { stream, done };
    pending.push(done);
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        fail(
          validationError("documents/bad-zip", `the archive is damaged: ${error.message}`, { field: "file" }),
        );
        stream.destroy(failure!);
        return;
      }
      unpacked += data.length;
      if (unpacked > limits.maxBytes)
        fail(bomb(`the archive unpacks to more than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`));
      else if (unpacked > RATIO_FLOOR && unpacked > received * limits.maxRatio)
        fail(
          bomb(`the archive unpacks to more than ${limits.maxRatio} times its size: refused as a zip bomb`),
        );
      if (failure) {
        stream.destroy(failure);
        return;
      }
      if (!stream.destroyed) {
        stream.write(data);
        if (final) stream.end();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of source) {
      const bytes = chunk as Buffer;
      for (let i = 0; i < bytes.length && !failure; i += SLICE) {
        const slice = bytes.subarray(i, i + SLICE);
        received += slice.length;
        unzip.push(slice, false);
        // The file being written waits on its store: so does the archive.
        const c = current as { stream: PassThrough; done: Promise<void> } | null;
        while (!failure && c && c.stream.writableNeedDrain && !c.stream.destroyed)
          await Promise.race([once(c.stream, "drain"), c.done, once(c.stream, "close")]);
      }
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    fail(
      error instanceof Error && /invalid|unexpected|zip/i.test(error.message) && !("code" in error)
        ? validationError("documents/bad-zip", `the archive is damaged: ${error.message}`, { field: "file" })
        : (error as Error),
    );
  }
  // An archive that stops inside a file is damaged: that file is not kept cut short.
  const open = current as { stream: PassThrough } | null;
  if (!failure && open && !open.stream.writableEnded)
    fail(validationError("documents/bad-zip", "the archive ends in the middle of a file", { field: "file" }));
  if (failure && open && !open.stream.destroyed) open.stream.destroy(failure);
  await Promise.all(pending);
  if (failure) throw failure;
  if (entries === 0)
    throw validationError("documents/empty-archive", "the archive holds no files", { field: "file" });
  return { entries };
}
