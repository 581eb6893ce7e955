// Requesting a bank connection from the client: a requested connection, a task for the person asked
// and a notification; unknown assignees and requests without a bank are refused.
import { describe, expect, it } from "vitest";
import { requestConnection } from "./connection-service.ts";
import { bankClient } from "../../../test/support/bank-fixtures.ts";
import { person } from "./test-people.ts";
import { b, c, errorOf, notificationsOf, t, useConnectionDb } from "./connection-test-support.ts";

useConnectionDb();

describe("requesting a connection from the client", () => {
  it("creates a requested connection, a task for the person asked and a notification", async () => {
    const partner = await person(t.ctx, c, "partner_ops", "Pat Partner");
    const client = await person(t.ctx, c, "client_self_service", "Cleo Client");
    const conn = await requestConnection(b, partner.actor, c.slug, {
      institutionName: "Chase",
      assigneeId: client.user.id,
      message: "Please connect the operating account",
    });
    expect(conn).toMatchObject({
      state: "requested",
      provider: null,
      institution: { name: "Chase" },
      owner: { id: client.user.id, name: "Cleo Client" },
    });
    expect(conn.openRequests).toEqual([
      expect.objectContaining({
        kind: "connect",
        assigneeId: client.user.id,
        message: "Please connect the operating account",
      }),
    ]);
    expect(conn.history.map((h) => [h.event, h.to])).toEqual([["requested", "requested"]]);
    expect(await notificationsOf(client.user.id)).toEqual([
      { title: "Please connect Chase", link: "/c/conn-co/banking", event: "bank.connection.attention" },
    ]);
    // Without a person named, the request goes to the client's people.
    const other = await person(t.ctx, c, "client_admin", "Ann Admin");
    await requestConnection(b, partner.actor, c.slug, { institutionName: "Wells" });
    expect((await notificationsOf(other.user.id)).map((n) => n.title)).toContain("Please connect Wells");
    expect((await notificationsOf(client.user.id)).map((n) => n.title)).toContain("Please connect Wells");
    expect((await notificationsOf(partner.user.id)).map((n) => n.title)).not.toContain(
      "Please connect Wells",
    );
  });

  it("refuses an assignee who is not one of the client's people, and a request without a bank", async () => {
    const stranger = await bankClient(t.ctx, "stranger-conn", "firm-conn");
    const theirs = await person(t.ctx, stranger, "client_admin", "Tess Theirs");
    expect(
      (
        await errorOf(
          requestConnection(b, c.actor, c.slug, { institutionName: "Chase", assigneeId: theirs.user.id }),
        )
      ).code,
    ).toBe("banking/unknown-assignee");
    expect((await errorOf(requestConnection(b, c.actor, c.slug, {}))).code).toBe(
      "banking/institution-required",
    );
  });
});
