// The demo's Password Manager: a few logins for each demo client, written through the vault's
// service (so they are encrypted as any other). Idempotent: a client that has logins keeps them.
import { systemActor } from "../../platform/actor.ts";
import * as vault from "../../modules/vault/index.ts";
import type { VaultCtx } from "../../modules/vault/index.ts";

const LOGINS: Record<string, vault.EntryInput[]> = {
  "bluebird-coffee": [
    {
      site: "First Harbor Bank",
      url: "https://online.firstharbor.example",
      username: "bluebird.books",
      password: "demo-Roast-Bank-2026!",
      nickname: "Operating account",
      tags: ["bank"],
    },
    {
      site: "Square",
      url: "https://squareup.example.com",
      username: "owner@bluebird.example",
      password: "demo-Espresso-POS-88",
      nickname: "Point of sale",
      notes: "Read-only reporting user; the owner approves payouts.",
      tags: ["pos", "sales"],
    },
  ],
  "harbor-dental": [
    {
      site: "Gusto",
      url: "https://app.gusto.example",
      username: "office@harbordental.example",
      password: "demo-Molar-Payroll-31",
      nickname: "Payroll",
      tags: ["payroll"],
    },
    {
      site: "State tax portal",
      url: "https://tax.state.example",
      username: "HD-204-118",
      password: "demo-Filing-Tax-2026",
      notes: "Sales tax is filed quarterly.",
      tags: ["tax"],
    },
  ],
};

export async function seedDemoVault(vctx: VaultCtx, firmId: string): Promise<void> {
  const actor = systemActor(firmId);
  // A wrong master key is told here as at start-up (naming the setting), not as an unreadable key.
  await vault.checkMasterKey(vctx, vctx.master);
  for (const [client, logins] of Object.entries(LOGINS)) {
    const has = await vault.listEntries(vctx, actor, client).catch(() => null);
    if (has === null || has.length > 0) continue; // no such client in this demo, or seeded already
    for (const login of logins) await vault.createEntry(vctx, actor, client, login);
  }
}
