// `closebook invite --email E [--name N] [--role R] [--firm SLUG] [--create-firm NAME]`: invites a
// person to a firm — how a new installation gets its first Partner Admin. With no mail server
// configured the invitation stays in the outbox, so the link is printed here for the operator.
import { processIo, type CommandIo } from "../io.ts";
import { appServices } from "../../app/services.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../../modules/access/index.ts";
import * as identity from "../../modules/identity/index.ts";
import { outboxFor } from "../../platform/delivery/index.ts";
import { CliUsageError } from "../cli-errors.ts";
import { parse, required } from "../args.ts";

const USAGE =
  "closebook invite --email ADDRESS [--name NAME] [--role partner_admin|partner_ops] [--firm SLUG] [--create-firm NAME]";

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values } = parse(
    argv,
    {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "partner_admin" },
      firm: { type: "string" },
      "create-firm": { type: "string" },
    },
    USAGE,
  );
  const email = required(values.email, "--email", USAGE);
  const role = values.role ?? "partner_admin";
  if (role !== "partner_admin" && role !== "partner_ops")
    throw new CliUsageError(
      `--role must be partner_admin or partner_ops (client users are invited from the portal)\nusage: ${USAGE}`,
    );
  const runtime = await io.openRuntime("invite");
  const services = appServices(runtime.config, runtime.ctx);
  try {
    const firm = values["create-firm"]
      ? await access.createFirm(runtime.ctx.db, {
          slug: values.firm ?? access.slugify(values["create-firm"]),
          name: values["create-firm"],
        })
      : await access.defaultFirm(runtime.ctx.db, values.firm);
    const invited = await identity.invite(services.identity, systemActor(firm.id), {
      email,
      name: values.name ?? null,
      role,
      clientAccess: { mode: "all", clientIds: [] },
    });
    io.stdout(
      `Invited ${invited.email} to ${firm.name} (${firm.slug}) as ${access.ROLE_INFO[role].label}; the link works for 7 days.\n`,
    );
    if (services.delivery.outboxEnabled) {
      const [mail] = await outboxFor(runtime.ctx.db, [invited.email], new Date(Date.now() - 60_000), 1);
      const link = mail?.text.match(/https?:\/\/\S+#token=\S+/)?.[0];
      if (link)
        io.stdout(`No mail server is configured (SMTP_URL), so here is the invitation link:\n  ${link}\n`);
    }
    return 0;
  } finally {
    await services.delivery.close();
    await runtime.close();
  }
}
