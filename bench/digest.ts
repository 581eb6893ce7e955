// `npm run bench -- digest`: the weekly digest for BENCH_DIGEST_USERS people (default 1,000) of a
// firm with 20 clients, each with BENCH_DIGEST_ITEMS notifications of last week (default 12) spread
// over the clients: every digest built (grouped by client, with its signed unsubscribe link) and
// sent over SMTP to a local server (smtp-server on 127.0.0.1), timed until the server has received
// them all. PGlite in memory. Goal (issue 16): at most 30 s.
import crypto from "node:crypto";
import os from "node:os";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { openDatabase } from "../src/platform/db.ts";
import { migrate } from "../src/platform/migrate.ts";
import { fixedClock } from "../src/platform/clock.ts";
import { InProcessJobs } from "../src/platform/jobs.ts";
import { createSecrets } from "../src/platform/secrets.ts";
import { composeDelivery, smtpTransport } from "../src/platform/delivery/index.ts";
import * as access from "../src/modules/access/index.ts";
import * as identity from "../src/modules/identity/index.ts";
import { sendDueDigests, type NotifyCtx } from "../src/modules/notifications/index.ts";

const USERS = Number(process.env.BENCH_DIGEST_USERS ?? 1_000);
const ITEMS = Number(process.env.BENCH_DIGEST_ITEMS ?? 12);

export async function run(): Promise<object> {
  let received = 0;
  let bytes = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", (chunk: Buffer) => (bytes += chunk.length));
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await migrate(database);
    const ctx = {
      db: database.db,
      clock: fixedClock("2026-06-22T01:00:00Z"), // a Monday: last week's digest is due
      jobs: new InProcessJobs(database.db),
    };
    const firm = await access.createFirm(ctx.db, { slug: "bench-digest", name: "Bench" });
    const f = firm.id;
    await sql`
      insert into clients (id, firm_id, slug, name)
      select gen_random_uuid(), ${f}::uuid, 'client-' || g, 'Client ' || lpad(g::text, 2, '0')
      from generate_series(1, 20) g`.execute(ctx.db);
    await sql`
      insert into users (id, firm_id, email, name, status)
      select gen_random_uuid(), ${f}::uuid, 'person' || g || '@bench.test', 'Person ' || g, 'active'
      from generate_series(1, ${USERS}::int) g`.execute(ctx.db);
    await sql`
      insert into notifications (id, firm_id, user_id, client_id, event, title, body, link, created_at, in_app, digest)
      select gen_random_uuid(), u.firm_id, u.id, c.ids[1 + (k % 21)], 'comment.mention',
        'Someone mentioned you on the task "Close June ' || k || '"', 'Can you check the card statement?',
        '/c/client-1/work', timestamptz '2026-06-16T10:00:00Z' + k * interval '1 hour', true, 'weekly'
      from users u
      cross join generate_series(1, ${ITEMS}::int) k
      cross join (select array_agg(id) as ids from clients where firm_id = ${f}::uuid) c
      where u.firm_id = ${f}::uuid`.execute(ctx.db);
    const delivery = composeDelivery({
      db: ctx.db,
      from: "Closebook <robot@bench.test>",
      mail: smtpTransport(`smtp://127.0.0.1:${port}`),
      outbox: false,
    });
    const nctx: NotifyCtx = {
      ...ctx,
      delivery,
      baseUrl: "https://books.example",
      emailsOf: identity.emailsOf,
      secrets: createSecrets(crypto.randomBytes(32)),
    };
    const load = os.loadavg().map((l) => Number(l.toFixed(1)));
    const t0 = performance.now();
    const sent = await sendDueDigests(nctx);
    while (received < sent) await new Promise((r) => setTimeout(r, 20));
    const seconds = Number(((performance.now() - t0) / 1000).toFixed(1));
    await delivery.close();
    return {
      users: USERS,
      notificationsPerUser: ITEMS,
      digestsSent: sent,
      receivedBySmtp: received,
      megabytes: Number((bytes / 1e6).toFixed(1)),
      seconds,
      goalSeconds: 30,
      loadAverageAtStart: load,
      loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(1))),
      cpus: os.cpus().length,
    };
  } finally {
    await database.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}
