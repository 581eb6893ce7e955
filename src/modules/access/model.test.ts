// The permission table of PRODUCT.md, row by row; who may grant which role and reset whose 2FA;
// which users an actor may manage; what client access resolves to.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "../../platform/errors.ts";
import type { Actor } from "../../platform/actor.ts";
import {
  GRANTABLE,
  PERMISSIONS,
  ROLES,
  TWO_FACTOR_RESETTABLE,
  can,
  canGrant,
  permissionsOf,
  resolveGrant,
  sideOf,
  userActionRefusal,
  type Permission,
  type Role,
} from "./model.ts";

// Expected rows, written from PRODUCT.md ("Actors and roles"), one letter per role:
// A = Partner Admin, O = Partner Ops, a = Client Admin, o = Client Ops, s = Client Self Service.
const EXPECTED: Record<Permission, string> = {
  "client.read": "AOaos", // everyone works inside the clients they see
  "client.create": "AO", // client roles, Self Service included, cannot add clients
  "client.edit": "AOaos",
  "client.terminate": "AO", // …nor terminate them
  "client.notes": "AO", // client users never see the firm's internal notes
  "user.read": "AOaos",
  "user.invite": "AOa", // Client Admin manages its client's users; Client Ops cannot manage users
  "user.edit": "AOa",
  "user.role.change": "AOa",
  "user.deactivate": "Aa", // Partner Ops cannot deactivate users
  "user.2fa.reset": "A", // only Partner Admins reset 2FA
  "firm.read": "AOaos", // client users see the firm's branding
  "firm.edit": "A", // Partner Ops cannot edit firm details…
  "firm.branding": "A", // …or upload firm branding
  "firm.sso": "A",
  "firm.outbox": "A",
  "firm.audit.read": "AO",
  "token.manage": "AOa",
  "task.delete": "Aaos", // Partner Ops cannot delete tasks
  "task.view_others": "AOas", // Client Ops cannot see other users' tasks
  "ledger.read": "AOaos",
  "ledger.chart.edit": "AOaos",
  "ledger.post": "AOaos",
  "ledger.period.lock": "AOa",
  "ledger.import": "AOaos",
  "reports.package": "AO", // the firm prepares the monthly package; client users read it
  // Client users use the vault only where the firm allows it (a per-client setting of the vault).
  "vault.read": "AOaos",
  "vault.reveal": "AOaos",
  "vault.edit": "AOaos",
  "vault.request": "AO", // the firm asks the client for logins
  "vault.settings": "AO", // and decides whether the client's users see the vault
  "journals.view": "AO", // JE Automation is the firm's work
  "journals.manage": "AO",
  "journals.approve": "A", // the reviewer approves what the preparer generated
  // The Close Tracker is the firm's; reopening a closed month is the Partner Admin's alone.
  "close.view": "AO",
  "close.manage": "AO",
  "close.reopen": "A",
  "services.view": "AOaos", // client users read their client's services
  "services.manage": "AO", // the firm sets the catalogue and the scope
};
const LETTER: Record<Role, string> = {
  partner_admin: "A",
  partner_ops: "O",
  client_admin: "a",
  client_ops: "o",
  client_self_service: "s",
};
const actorOf = (role: Role, clients: Actor["clients"] = "all", id = "actor"): Actor => ({
  type: "user",
  id,
  firmId: "f",
  role,
  clients,
  displayName: role,
});

describe("the permission table", () => {
  it("has exactly the rows written out here", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [permission, letters] of Object.entries(EXPECTED) as Array<[Permission, string]>) {
    it(`${permission}: ${letters}`, () => {
      for (const role of ROLES)
        expect(can({ role }, permission), `${role} ${permission}`).toBe(letters.includes(LETTER[role]));
    });
  }

  it("refuses unknown roles everything, and lists a role's permissions", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[])
      expect(can({ role: "system_admin" }, p)).toBe(false);
    expect(permissionsOf("client_ops")).not.toContain("user.invite");
    expect(permissionsOf("partner_admin")).toHaveLength(Object.keys(PERMISSIONS).length);
  });
});

describe("granting roles", () => {
  it("grants only roles at or below one's own side", () => {
    expect(GRANTABLE.partner_admin).toEqual([...ROLES]);
    expect(canGrant("partner_ops", "partner_admin")).toBe(false); // escalation
    expect(canGrant("partner_ops", "partner_ops")).toBe(true);
    expect(canGrant("partner_ops", "client_admin")).toBe(true);
    for (const partner of ["partner_admin", "partner_ops"] as const)
      expect(canGrant("client_admin", partner)).toBe(false); // a client grants no partner role
    expect(canGrant("client_admin", "client_self_service")).toBe(true);
    for (const role of ROLES) {
      expect(canGrant("client_ops", role)).toBe(false);
      expect(canGrant("client_self_service", role)).toBe(false);
    }
  });

  it("never lets a role grant, on its own side, a role that may do something it may not (property)", () => {
    // Across sides the product allows it on purpose: Partner Ops may make a Client Admin, who
    // manages that one client's users (which Partner Ops cannot do firm-wide).
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...ROLES), (actor, target) => {
        if (!canGrant(actor, target) || sideOf(actor) !== sideOf(target)) return;
        for (const p of permissionsOf(target))
          expect(can({ role: actor }, p), `${actor} grants ${target} with ${p}`).toBe(true);
      }),
    );
  });

  it("resolves client access: all, the current clients as a list, a chosen list; one client for client roles", () => {
    const firm = ["c1", "c2", "c3"];
    const admin = actorOf("partner_admin");
    expect(resolveGrant(admin, "partner_ops", { mode: "all", clientIds: [] }, firm)).toEqual({
      role: "partner_ops",
      mode: "all",
      clientIds: [],
    });
    expect(resolveGrant(admin, "partner_ops", { mode: "current", clientIds: [] }, firm)).toEqual({
      role: "partner_ops",
      mode: "current",
      clientIds: firm,
    });
    expect(resolveGrant(admin, "partner_ops", { mode: "list", clientIds: ["c2", "c2"] }, firm)).toEqual({
      role: "partner_ops",
      mode: "list",
      clientIds: ["c2"],
    });
    expect(resolveGrant(admin, "client_ops", { mode: "list", clientIds: ["c3"] }, firm).clientIds).toEqual([
      "c3",
    ]);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(code(() => resolveGrant(admin, "client_ops", { mode: "all", clientIds: [] }, firm))).toBe(
      "access/client-role-needs-one-client",
    );
    expect(
      code(() => resolveGrant(admin, "client_ops", { mode: "list", clientIds: ["c1", "c2"] }, firm)),
    ).toBe("access/client-role-needs-one-client");
    expect(
      code(() => resolveGrant(admin, "partner_ops", { mode: "list", clientIds: ["elsewhere"] }, firm)),
    ).toBe("access/unknown-client");
    expect(
      code(() => resolveGrant(actorOf("partner_ops"), "partner_admin", { mode: "all", clientIds: [] }, firm)),
    ).toBe("access/cannot-grant-role");
    expect(
      code(() =>
        resolveGrant(
          actorOf("client_admin", ["c1"]),
          "partner_ops",
          { mode: "list", clientIds: ["c1"] },
          firm,
        ),
      ),
    ).toBe("access/cannot-grant-role");
    // Nobody hands out clients it does not see.
    const listed = actorOf("partner_ops", ["c1"]);
    expect(code(() => resolveGrant(listed, "partner_ops", { mode: "all", clientIds: [] }, firm))).toBe(
      "access/cannot-grant-clients",
    );
    expect(code(() => resolveGrant(listed, "client_admin", { mode: "list", clientIds: ["c2"] }, firm))).toBe(
      "access/cannot-grant-clients",
    );
    expect(
      code(() =>
        resolveGrant(
          actorOf("client_admin", ["c1"]),
          "client_ops",
          { mode: "list", clientIds: ["c2"] },
          firm,
        ),
      ),
    ).toBe("access/cannot-grant-clients");
  });
});

describe("acting on users", () => {
  const target = (role: Role, clientIds: string[] = role.startsWith("client") ? ["c1"] : []) => ({
    id: "target",
    role,
    clientIds,
  });

  it("resets 2FA exactly as PRODUCT.md says: Partner Admins, for Partner Admin/Ops and Client Admin/Ops", () => {
    expect(TWO_FACTOR_RESETTABLE.partner_admin).toEqual([
      "partner_admin",
      "partner_ops",
      "client_admin",
      "client_ops",
    ]);
    for (const role of ROLES) {
      const allowed = ["partner_admin", "partner_ops", "client_admin", "client_ops"].includes(role);
      expect(userActionRefusal(actorOf("partner_admin"), target(role), "user.2fa.reset") === null, role).toBe(
        allowed,
      );
      for (const other of ["partner_ops", "client_admin", "client_ops", "client_self_service"] as const) {
        expect(
          userActionRefusal(actorOf(other, ["c1"]), target(role), "user.2fa.reset"),
          `${other} → ${role}`,
        ).not.toBeNull();
      }
    }
    expect(
      userActionRefusal(actorOf("partner_admin", "all", "target"), target("partner_admin"), "user.2fa.reset"),
    ).toMatch(/own account/);
  });

  it("lets Partner Ops manage but not deactivate, and never touch a Partner Admin", () => {
    const ops = actorOf("partner_ops");
    expect(userActionRefusal(ops, target("client_ops"), "user.role.change")).toBeNull();
    expect(userActionRefusal(ops, target("client_ops"), "user.deactivate")).not.toBeNull();
    expect(userActionRefusal(ops, target("partner_admin"), "user.role.change")).not.toBeNull();
    expect(userActionRefusal(ops, target("partner_admin"), "user.edit")).not.toBeNull();
  });

  it("keeps a Client Admin to its own client's users", () => {
    const ca = actorOf("client_admin", ["c1"]);
    expect(userActionRefusal(ca, target("client_ops", ["c1"]), "user.deactivate")).toBeNull();
    expect(userActionRefusal(ca, target("client_ops", ["c2"]), "user.deactivate")).toMatch(
      /client you do not work on/,
    );
    expect(userActionRefusal(ca, target("partner_ops"), "user.edit")).not.toBeNull();
    expect(
      userActionRefusal(actorOf("client_ops", ["c1"]), target("client_ops", ["c1"]), "user.edit"),
    ).not.toBeNull();
  });
});
