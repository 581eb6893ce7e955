// The banking REST API's connections with real sign-in: a connection requested, set up as a file drop,
// synced, and removed only by its owner or a Partner Admin.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signedIn } from "../../../test/support/auth.ts";
import { csvOf } from "../../../test/support/bank-fixtures.ts";
import { admin, c, dataDir, t, url, app, useBankingApi } from "../../../test/support/banking-api.ts";

useBankingApi();

describe("banking API", () => {
  it("requests a connection, sets it up as a file drop, and lets only the owner or a Partner Admin remove it", async () => {
    const clientUser = await signedIn(t, app, {
      firmId: c.firmId,
      role: "client_self_service",
      clients: [c.clientId],
      name: "Cleo Client",
    });
    const ops = await signedIn(t, app, { firmId: c.firmId, role: "partner_ops", name: "Otto Ops" });
    const requested = await ops.inject({
      method: "POST",
      url: url("/connections/request"),
      payload: { institutionName: "First Bank", assigneeId: clientUser.userId, message: "Connect please" },
    });
    expect(requested.statusCode).toBe(201);
    expect(requested.json()).toMatchObject({
      state: "requested",
      owner: { name: "Cleo Client" },
      openRequests: [{ kind: "connect" }],
    });
    const bell = (await clientUser.inject("/api/notifications")).json();
    expect(bell.notifications.map((n: { title: string }) => n.title)).toContain("Please connect First Bank");
    const id = requested.json().id;
    const setUp = await clientUser.inject({
      method: "POST",
      url: url(`/connections/${id}/set-up`),
      payload: { provider: "file-drop", bankAccountIds: [c.checking.id] },
    });
    expect(setUp.json()).toMatchObject({ state: "connected", folder: null, bankAccountIds: [c.checking.id] });
    const list = (await admin.inject(url("/connections"))).json();
    expect(list.providers).toEqual([{ name: "file-drop", label: "File drop folder" }]);
    const mine = list.connections.find((x: { id: string }) => x.id === id);
    expect(mine.folder).toBe(path.join(dataDir, "file-drop", id));
    fs.writeFileSync(
      path.join(mine.folder, "drop.csv"),
      csvOf([{ date: "2026-03-01", amount: "-7.00", description: "Dropped" }]),
    );
    const synced = await clientUser.inject({ method: "POST", url: url(`/connections/${id}/sync`) });
    // Files younger than the settle time (2 s) wait for the next poll.
    expect(synced.json()).toEqual({ files: [] });
    const bad = await clientUser.inject({ method: "POST", url: url(`/connections/${id}/reconnect`) });
    expect(bad.statusCode).toBe(409);
    expect((await ops.inject({ method: "DELETE", url: url(`/connections/${id}`) })).statusCode).toBe(403);
    expect((await clientUser.inject({ method: "DELETE", url: url(`/connections/${id}`) })).statusCode).toBe(
      204,
    );
    expect((await admin.inject(url(`/connections/${id}`))).statusCode).toBe(404);
  });
});
