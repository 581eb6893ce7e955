// The vault's pure rules: what an entry holds and how its texts are tidied, the tags, and how fresh
// a second factor must be to reveal a password.
import { validationError } from "../../platform/errors.ts";

/** Revealing or copying a password needs a second factor proven within this many minutes. */
export const REVEAL_STEP_UP_MINUTES = 5;

export const LIMITS = {
  site: 200,
  url: 2_000,
  username: 320,
  password: 1_000,
  nickname: 200,
  notes: 10_000,
  tag: 50,
  tags: 20,
} as const;

/** A site's address: http(s) only, so that a card's link never runs script. */
export function checkUrl(url: string | null | undefined, field = "url"): string | null {
  const u = url?.trim();
  if (!u) return null;
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(u) ? u : `https://${u}`);
  } catch {
    throw validationError("vault/invalid-url", "enter the site's address, e.g. https://payroll.example.com", {
      field,
    });
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw validationError("vault/invalid-url", "an address starts with https:// or http://", { field });
  return parsed.toString();
}

export function checkSite(site: string, field = "site"): string {
  const s = site.trim();
  if (!s) throw validationError("vault/empty-site", "name the site or service of this login", { field });
  return s;
}

/** Tags: trimmed, lower case, no duplicates, in the order given. */
export function normalizeTags(tags: readonly string[] | undefined, field = "tags"): string[] {
  const out: string[] = [];
  for (const [i, tag] of (tags ?? []).entries()) {
    const t = tag.trim().toLowerCase();
    if (!t) continue;
    if (t.length > LIMITS.tag)
      throw validationError("vault/invalid-tag", `a tag has at most ${LIMITS.tag} characters`, {
        field: `${field}.${i}`,
      });
    if (!out.includes(t)) out.push(t);
  }
  if (out.length > LIMITS.tags)
    throw validationError("vault/too-many-tags", `at most ${LIMITS.tags} tags`, { field });
  return out;
}
