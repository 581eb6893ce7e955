// The firm overview API's shape (zod), and the function that turns the service's answer into it.
// The portal takes its types from these schemas.
import { z } from "zod";
import { date } from "../../platform/route-schemas.ts";
import type { FirmOverview, OverviewClient } from "./model.ts";

const TROUBLES = ["disconnected", "requested", "setting_up"] as const;

export const overviewClient = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  needsReview: z.object({
    count: z.number().int().describe("lines in the Needs Review tab (held lines included)"),
    oldestDate: date.nullable().describe("the date of the oldest of them"),
  }),
  autoPosted: z.object({
    count: z
      .number()
      .int()
      .describe("lines dated this month that automation posted to Processed with no person's hand"),
  }),
  bankAccounts: z.object({
    total: z.number().int().describe("active bank and card accounts"),
    quiet: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          shortName: z.string(),
          lastLineDate: date.nullable(),
        }),
      )
      .describe("accounts whose latest line is staleDays old or older (or none, added that long ago)"),
    connections: z
      .array(
        z.object({
          id: z.string(),
          institution: z.string(),
          trouble: z.enum(TROUBLES),
          since: z.string(),
        }),
      )
      .describe("connections that are disconnected, or requested or setting up for days"),
  }),
  lastImport: z
    .object({
      at: z.string(),
      bankAccountId: z.string(),
      bankAccountName: z.string(),
      newLines: z.number().int(),
      source: z.string(),
    })
    .nullable(),
});

export const overviewOut = z.object({
  asOf: date,
  month: z.object({ from: date, to: date }),
  staleDays: z.number().int(),
  clients: z.array(overviewClient),
});

function clientOut(c: OverviewClient): z.infer<typeof overviewClient> {
  const imp = c.bank.lastImport;
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    needsReview: { count: c.review.needsReview, oldestDate: c.review.oldestWaiting },
    autoPosted: { count: c.review.autoPosted },
    bankAccounts: {
      total: c.bank.accounts,
      quiet: c.bank.quiet,
      connections: c.bank.connections.map((x) => ({ ...x, since: x.since.toISOString() })),
    },
    lastImport: imp ? { ...imp, at: imp.at.toISOString() } : null,
  };
}

export function overviewToJson(o: FirmOverview): z.infer<typeof overviewOut> {
  return { asOf: o.asOf, month: o.month, staleDays: o.staleDays, clients: o.clients.map(clientOut) };
}
