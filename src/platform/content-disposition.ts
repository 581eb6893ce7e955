// The Content-Disposition header of a download, safe for any file name: Node refuses a header with
// characters outside Latin-1 (a statement named "выписка.csv" could never be downloaded).
import { UNSAFE_TEXT } from "./safe-text.ts";

/**
 * A Content-Disposition header for a download of `name` (RFC 6266): an ASCII fallback in
 * `filename` and the exact name, UTF-8 and percent-encoded, in `filename*` (RFC 5987/8187).
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_") || "download";
  const encoded = encodeURIComponent(name.replace(UNSAFE_TEXT, "_")).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
