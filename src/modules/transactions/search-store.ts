// Text search through the trigram index (migration 0029). Requests run under row-level security,
// which keeps `ilike` and the trigram operators out of index conditions, so a search read every
// line of the client; transaction_search_ids() reads the index as the tables' owner, after making
// the policies' tenant test itself, and returns only ids. The list then reads those ids under the
// ordinary policies.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { Scope } from "./store.ts";

/**
 * The most ids one search hands back. A term with more matches than this, in a list that needs
 * more of them than the newest, is common: checking each line in page order finds its pages fast.
 */
export const SEARCH_IDS_MAX = 10_000;

/**
 * pg_trgm narrows a search by the trigrams of its words (runs of letters and digits); a term
 * without three in a row ("#1", "a b") gives it nothing to look up.
 */
export function trigramSearchable(term: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(term);
}

export interface SearchMatches {
  /** The newest matches in the list's order (date desc, id desc), at most the limit asked for. */
  ids: string[];
  /** True when these are all the client's matches (fewer than the limit were found). */
  complete: boolean;
}

/** The filters of the list the search function narrows by itself (the ones its indexes serve). */
export interface SearchNarrowing {
  statuses?: readonly string[] | undefined;
  bankAccountId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The amount's size in minor units, money in and out alike. */
  minAmount?: bigint | undefined;
  maxAmount?: bigint | undefined;
}

/**
 * The newest at most `limit` transactions of the client, narrowed by `narrow`, whose description,
 * payee or bank payee contains `term`, ignoring case. Refused by the database
 * (insufficient_privilege) in a session without a tenant or for a client it may not see.
 */
export async function searchMatches(
  ex: Executor,
  s: Scope,
  term: string,
  limit: number,
  narrow: SearchNarrowing = {},
): Promise<SearchMatches> {
  const r = await sql<{ id: string }>`
    select id from transaction_search_ids(${s.clientId}::uuid, ${term}::text, ${limit}::int,
      ${narrow.statuses ? [...narrow.statuses] : null}::text[], ${narrow.bankAccountId ?? null}::uuid,
      ${narrow.from ?? null}::date, ${narrow.to ?? null}::date, ${narrow.minAmount?.toString() ?? null}::int8,
      ${narrow.maxAmount?.toString() ?? null}::int8) as m(id)`.execute(ex);
  const ids = r.rows.map((x) => x.id);
  return { ids, complete: ids.length < limit };
}
