// Opens a zip of statement files (banks deliver CAMT and MT940 batches that way) into its entries,
// with limits so that a zip bomb is refused instead of filling the memory.
import { unzipSync } from "fflate";
import { StatementParseError } from "./errors.ts";

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

const MAX_ENTRIES = 1000;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

/** The files in a zip, in archive order; folders and macOS metadata are left out. */
export function unzipEntries(bytes: Uint8Array): ZipEntry[] {
  let total = 0;
  let count = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith("/") || file.name.startsWith("__MACOSX/") || /(^|\/)\.[^/]*$/.test(file.name))
          return false;
        count++;
        total += file.originalSize;
        if (count > MAX_ENTRIES || total > MAX_TOTAL_BYTES) {
          throw new StatementParseError(
            "zip/too-large",
            "The zip file holds more files or data than a statement delivery can.",
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof StatementParseError) throw error;
    throw new StatementParseError("zip/corrupt", `The zip file is damaged: ${(error as Error).message}.`);
  }
  const entries = Object.entries(files).map(([name, data]) => ({ name, bytes: data }));
  if (entries.length === 0) throw new StatementParseError("zip/empty", "The zip file contains no files.");
  return entries;
}
