// Resolves a normalized payee to one of the client's existing contacts by fuzzy match, or proposes
// a new contact. Pure: the caller passes the contact list (and may keep the built index).
import { normalizeMerchant, squash } from "./normalize.ts";

export interface Contact {
  id: string;
  name: string;
}

export interface ContactIndex {
  contacts: readonly Contact[];
  bySquash: Map<string, number>;
  byBrand: Map<string, number[]>;
  byTrigram: Map<string, number[]>;
  trigramCounts: number[];
}

export type PayeeMatch =
  { kind: "existing"; contact: Contact; score: number } | { kind: "new"; name: string };

/** Below this similarity a new contact is proposed rather than a doubtful match. */
export const MATCH_THRESHOLD = 0.82;

function trigrams(text: string): string[] {
  const padded = `  ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

export function buildContactIndex(contacts: readonly Contact[]): ContactIndex {
  const bySquash = new Map<string, number>();
  const byBrand = new Map<string, number[]>();
  const byTrigram = new Map<string, number[]>();
  const trigramCounts: number[] = [];
  contacts.forEach((contact, i) => {
    const key = squash(contact.name);
    if (!bySquash.has(key)) bySquash.set(key, i);
    const brand = normalizeMerchant(contact.name).brandKey;
    if (brand) byBrand.set(brand, [...(byBrand.get(brand) ?? []), i]);
    const grams = trigrams(key);
    trigramCounts.push(grams.length);
    for (const g of grams) {
      const list = byTrigram.get(g);
      if (list) list.push(i);
      else byTrigram.set(g, [i]);
    }
  });
  return { contacts, bySquash, byBrand, byTrigram, trigramCounts };
}

/**
 * Finds the contact a payee name refers to. Exact spelling (ignoring case and punctuation) wins;
 * then the same known brand or first word; then trigram similarity (Dice) with a boost when one
 * name starts with the other ("Amazon" ~ "Amazon Marketplace").
 */
export function resolveContact(name: string, index: ContactIndex): PayeeMatch {
  const key = squash(name);
  if (!key) return { kind: "new", name };
  const exact = index.bySquash.get(key);
  if (exact !== undefined) return { kind: "existing", contact: index.contacts[exact]!, score: 1 };

  const grams = trigrams(key);
  const shared = new Map<number, number>();
  for (const g of grams)
    for (const i of index.byTrigram.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  let best = -1;
  let bestScore = 0;
  for (const [i, common] of shared) {
    const other = squash(index.contacts[i]!.name);
    let score = (2 * common) / (grams.length + index.trigramCounts[i]!);
    const shorter = key.length < other.length ? key : other;
    const longer = key.length < other.length ? other : key;
    if (shorter.length >= 4 && longer.startsWith(shorter)) score = Math.max(score, 0.9);
    if (score > bestScore || (score === bestScore && best >= 0 && i < best)) {
      best = i;
      bestScore = score;
    }
  }
  const brand = normalizeMerchant(name).brandKey;
  const sameBrand = brand ? index.byBrand.get(brand) : undefined;
  if (sameBrand && sameBrand.length === 1 && bestScore < 0.9) {
    return { kind: "existing", contact: index.contacts[sameBrand[0]!]!, score: 0.9 };
  }
  if (best >= 0 && bestScore >= MATCH_THRESHOLD)
    return { kind: "existing", contact: index.contacts[best]!, score: bestScore };
  return { kind: "new", name };
}
