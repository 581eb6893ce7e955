// The labelled lines a client's categorizer learns from: transactions whose coding was accepted
// (processed: reviewed by a person or posted with high confidence), and — so that a client brought
// in with its books has history from day one — the ledger's own bank and card movements that the
// Transaction Manager did not post (one side a bank or card account; see mainCounterpart).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as categorize from "../categorize/index.ts";
import type { PostedLine } from "../categorize/index.ts";
import * as ledger from "../ledger/index.ts";
import { isoScale, rescale } from "../../platform/money.ts";
import { ENTRY_SOURCE } from "./posting.ts";
import * as store from "./store.ts";
import { lineOf } from "./view.ts";

const MONEY_DETAIL_TYPES = new Set(["bank", "credit_card"]);
const LEDGER_HISTORY_LIMIT = 200_000;

type Line = ledger.EntryView["lines"][number];

/** The largest line on the other side of the money line (undefined when there is none). */
function mainCounterpart(lines: readonly Line[], money: Line): Line | undefined {
  let best: Line | undefined;
  for (const l of lines) {
    if (l === money || l.currency !== money.currency || l.amount > 0n === money.amount > 0n) continue;
    const size = l.amount < 0n ? -l.amount : l.amount;
    if (!best || size > (best.amount < 0n ? -best.amount : best.amount)) best = l;
  }
  return best;
}

/**
 * An entry's text as a bank line would show it: banks name the counterparty, which the ledger keeps
 * as the contact — unless the description already names it (an entry made from a bank line), when
 * adding it again would make a merchant memory never meets on the next statement.
 */
export function bankStyle(description: string, payee: string | undefined): string {
  if (!payee) return description;
  const squash = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  return ` ${squash(description)} `.includes(` ${squash(payee)} `) ? description : `${payee} ${description}`;
}

/**
 * A ledger amount as a bank line would carry it (minor units at the currency's ISO scale, what the
 * categorizer reads; a journal's symbol such as `$` counts as a currency of 2 decimals, as banks
 * write dollars); undefined when the ledger's figure has digits a bank line could not have: such a
 * line is no bank line to learn from.
 */
function asBankWrites(amount: bigint, currency: string, scales: Map<string, number>): bigint | undefined {
  const scale = scales.get(currency) ?? isoScale(currency);
  const iso = isoScale(currency);
  if (scale > iso && amount % 10n ** BigInt(scale - iso) !== 0n) return undefined;
  return rescale(amount, scale, iso);
}

export const trainingHistory: categorize.HistorySource = async (ctx: Ctx, actor: Actor, clientId: string) => {
  const s = { firmId: actor.firmId, clientId };
  const [rows, accounts, contacts, entries, scales] = await Promise.all([
    store.labelledRows(ctx.db, s),
    ledger.listAccounts(ctx, actor, clientId, { includeInactive: true }),
    ledger.listContacts(ctx, actor, clientId),
    ledger.listEntries(ctx, actor, clientId, { status: "posted", limit: LEDGER_HISTORY_LIMIT, offset: 0 }),
    ledger.currencyScalesFor(ctx, actor, clientId),
  ]);
  const lines: PostedLine[] = rows.map((r) => ({
    ...lineOf(r),
    coding: {
      account: r.account_id!,
      ...(r.payee ? { payee: r.payee } : {}),
      ...(r.class_id ? { classId: r.class_id } : {}),
    },
  }));
  const money = new Set(accounts.filter((a) => MONEY_DETAIL_TYPES.has(a.detail_type)).map((a) => a.id));
  const contactName = new Map(contacts.map((c) => [c.id, c.name]));
  for (const e of entries) {
    if (e.status !== "posted" || e.source === ENTRY_SOURCE || e.source === "reversal") continue;
    const sides = e.lines.filter((l) => money.has(l.accountId));
    // A transfer between two money accounts teaches both sides; otherwise one money line is the
    // bank line, and the account it was coded to is the largest line on the other side (a card
    // settlement's sales rather than its fee, a payroll's wages rather than its taxes).
    const pairs =
      e.lines.length === 2 && sides.length === 2
        ? [
            [e.lines[0]!, e.lines[1]!],
            [e.lines[1]!, e.lines[0]!],
          ]
        : sides.length === 1
          ? [[sides[0]!, mainCounterpart(e.lines, sides[0]!)]]
          : [];
    for (const [side, other] of pairs) {
      if (!side || !other) continue;
      const amount = asBankWrites(side.amount, side.currency, scales);
      if (amount === undefined) continue;
      const payee = side.contactId ? contactName.get(side.contactId) : undefined;
      lines.push({
        id: `${e.id}:${side.accountId}`,
        clientId,
        date: e.date,
        description: bankStyle(e.description, payee),
        amount,
        currency: side.currency,
        coding: {
          account: other.accountId,
          ...(payee ? { payee } : {}),
          ...(other.classId ? { classId: other.classId } : {}),
        },
      });
    }
  }
  return lines;
};
