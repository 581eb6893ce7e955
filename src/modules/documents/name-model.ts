// What a document or folder may be called. Names come from people and from uploaded files and zip
// archives, so they are checked as hostile: no path tricks (`../`, absolute paths, separators), no NUL
// or control characters, none of the names Windows reserves (a downloaded `CON.pdf` cannot be saved
// there), no trailing dot or space (Windows drops them, making two names one).
import { validationError } from "../../platform/errors.ts";

export const MAX_NAME = 255;

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Control characters (C0, DEL, C1), the separators and the characters Windows refuses in a name.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/;

/** Why `raw` is not an acceptable name, or null when it is. */
export function nameRefusal(raw: string): string | null {
  const name = raw.normalize("NFC").trim();
  if (!name) return "a name cannot be empty";
  if ([...name].length > MAX_NAME) return `a name has at most ${MAX_NAME} characters`;
  if (name === "." || name === "..") return "a name cannot be . or ..";
  if (/^[a-z]:/i.test(name)) return "a name cannot be an absolute path";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return "a name cannot hold control characters";
  if (FORBIDDEN.test(name)) return 'a name cannot hold / \\ : * ? " < > |';
  if (/[. ]$/.test(name)) return "a name cannot end with a dot or a space";
  if (RESERVED.test(name)) return `"${name}" is a name Windows reserves`;
  return null;
}

/** The name, trimmed and in one Unicode form; refused (400, naming `field`) when unacceptable. */
export function checkName(raw: string, field: string): string {
  const refusal = nameRefusal(raw);
  if (refusal)
    throw validationError("documents/invalid-name", `${refusal}: ${JSON.stringify(raw.slice(0, 80))}`, {
      field,
    });
  return raw.normalize("NFC").trim();
}

/**
 * The folders and file name of a path inside a zip archive. A path that climbs out (`..`), starts at
 * a root (`/x`, `C:\x`) or holds a bad name is refused whole; `.` parts and empty parts are dropped.
 */
export function archivePath(raw: string): { folders: string[]; name: string } | { refusal: string } {
  if (raw.includes("\u0000")) return { refusal: "a path in the archive holds a NUL character" };
  if (/^([a-z]:)?[\\/]/i.test(raw)) return { refusal: `"${raw.slice(0, 80)}" is an absolute path` };
  const parts = raw.split(/[\\/]/).filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) return { refusal: `"${raw.slice(0, 80)}" climbs out of the folder` };
  if (parts.length === 0) return { refusal: "an empty path" };
  for (const part of parts) {
    const refusal = nameRefusal(part);
    if (refusal) return { refusal: `${refusal}: "${raw.slice(0, 80)}"` };
  }
  return {
    folders: parts.slice(0, -1).map((p) => p.normalize("NFC").trim()),
    name: parts.at(-1)!.normalize("NFC").trim(),
  };
}

/** Files an archive carries that are nobody's document (macOS resource forks, Windows thumbnails). */
export function isArchiveClutter(path: string): boolean {
  return (
    /(^|[\\/])(__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini)([\\/]|$)/i.test(path) || /(^|[\\/])\._/.test(path)
  );
}
