// `closebook demo`: creates the demo firm (two clients, a year of activity) unless it exists.
import { processIo, type CommandIo } from "../io.ts";
import { seedDemo } from "../../app/demo/seed.ts";
import { documentsCtx, vaultCtx } from "../../app/services.ts";
import { parse } from "../args.ts";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  parse(argv, {}, "closebook demo");
  const runtime = await io.openRuntime("demo");
  try {
    const result = await seedDemo(
      runtime.ctx,
      documentsCtx(runtime.config, runtime.ctx),
      vaultCtx(runtime.config, runtime.ctx),
    );
    io.stdout(
      result.created
        ? 'Created the demo firm "Northwind Bookkeeping" (slug demo):\n'
        : "The demo firm already exists:\n",
    );
    for (const c of result.clients)
      io.stdout(`  ${c.slug.padEnd(18)} ${c.name}${c.entries ? ` — ${c.entries} journal entries` : ""}\n`);
    io.stdout("Sign in as (the second step asks for an e-mail code; see the README):\n");
    for (const u of result.users)
      io.stdout(`  ${u.email.padEnd(38)} ${u.role.padEnd(14)} password ${u.password}\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}
