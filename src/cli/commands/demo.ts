// `closebook demo`: creates the demo firm (two clients, a year of activity) unless it exists.
import { openRuntime } from "../../app/runtime.ts";
import { seedDemo } from "../../app/demo/seed.ts";
import { parse } from "../args.ts";

export async function run(argv: string[]): Promise<number> {
  parse(argv, {}, "closebook demo");
  const runtime = await openRuntime();
  try {
    const result = await seedDemo(runtime.ctx);
    process.stdout.write(
      result.created
        ? 'Created the demo firm "Northwind Bookkeeping" (slug demo):\n'
        : "The demo firm already exists:\n",
    );
    for (const c of result.clients)
      process.stdout.write(
        `  ${c.slug.padEnd(18)} ${c.name}${c.entries ? ` — ${c.entries} journal entries` : ""}\n`,
      );
    process.stdout.write("Sign in as (the second step asks for an e-mail code; see the README):\n");
    for (const u of result.users)
      process.stdout.write(`  ${u.email.padEnd(38)} ${u.role.padEnd(14)} password ${u.password}\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}
