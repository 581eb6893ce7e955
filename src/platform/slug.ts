// URL-safe names made from display names: client slugs, bank-account short names.

/** Lowercase ASCII letters, digits and single dashes, accents folded ("Épargne" → "epargne"),
 *  at most `maxLength` characters, never ending in a dash; `fallback` when nothing is left. */
export function slugOf(name: string, maxLength: number, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug || fallback;
}
