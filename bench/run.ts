// `npm run bench [-- NAME ...]`: runs the named benchmarks (all when none) and prints one JSON object.
type Bench = { run(): Promise<object> };

const benches: Record<string, () => Promise<Bench>> = {
  ledger: () => import("./ledger.ts"),
  // The financial statements over a million journal lines (PostgreSQL and PGlite).
  reports: () => import("./reports.ts"),
  // Bank data in: parser throughput per format, then the import rate into the databases.
  parse: async () => ({
    run: async () => ({
      throughput: await (await import("./parse.ts")).run(),
      import: await (await import("./bank-import.ts")).run(),
    }),
  }),
  "bank-import": () => import("./bank-import.ts"),
  // The bot: prediction and training figures, then 10,000 lines from import to all posted.
  categorize: async () => ({
    run: async () => ({
      model: await (await import("./categorize.ts")).run(),
      importToPosted: await (await import("./transactions.ts")).run(),
    }),
  }),
  // The Transaction Manager: 10,000 lines from import to all posted, then its list at 1,000,000.
  transactions: async () => ({
    run: async () => ({
      importToPosted: await (await import("./transactions.ts")).run(),
      list: await (await import("./transactions-list.ts")).run(),
    }),
  }),
  "transactions-list": () => import("./transactions-list.ts"),
  rls: () => import("./rls.ts"),
  // The firm overview over hundreds of clients, as the owner and under row-level security.
  overview: () => import("./overview.ts"),
  // My work: one user's 10,000 open tasks across 200 clients, a page by due date and its total.
  work: () => import("./work.ts"),
  // PGlite under background work: trial-balance latency during a 100k-line import's job, and the
  // time to listen after a restart with a 200k-line job queued.
  "pglite-interleave": () => import("./pglite-interleave.ts"),
  // A firm's retraining (150,000 lines) on the server's thread and on a worker thread: how late a
  // 10 ms timer (a request) runs meanwhile.
  "training-thread": () => import("./training-thread.ts"),
  // Auto Bank Rec: the matching engine on 50,000 statement lines against 50,000 ledger lines.
  reconcile: () => import("./reconcile.ts"),
  // How fast `closebook` starts, and its trial balance end to end next to ledger and hledger.
  cli: () => import("./cli.ts"),
  // Documents: a 200 MB file up and down, on local disk and a local S3 server, with peak memory.
  documents: () => import("./documents.ts"),
  // Receipts: reading time per page (text PDF, OCR image) and field accuracy on the generated set.
  receipts: () => import("./receipts.ts"),
  // Notifications: the weekly digest of 1,000 people built and sent to a local SMTP server.
  digest: () => import("./digest.ts"),
  // The Close Tracker board: 500 clients × 12 months with live blockers (goal ≤ 300 ms on PostgreSQL).
  close: () => import("./close.ts"),
  // The Activity Hub: its first page and filtered pages over 5,000,000 audit events of 200 clients.
  activity: () => import("./activity.ts"),
  // JE Automation's month-end batch for 500 clients, generated, approved and posted (goal ≤ 30 s).
  "month-end": () => import("./month-end.ts"),
  // The portal over a network: compressed script fetched by the sign-in page and by each page after.
  portal: () => import("./portal-size.ts"),
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const chosen = names.length ? names : Object.keys(benches);
  const results: Record<string, object> = {};
  for (const name of chosen) {
    const load = benches[name];
    if (!load) {
      process.stderr.write(
        `unknown benchmark "${name}" (known: ${Object.keys(benches).join(", ") || "none"})\n`,
      );
      process.exitCode = 2;
      return;
    }
    results[name] = await (await load()).run();
  }
  process.stdout.write(`${JSON.stringify({ machine: machine(), results }, null, 2)}\n`);
}

function machine() {
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus:
      (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? null,
  };
}

await main();
