// The Activity Hub's pure rules: kinds of actions, who sees what, sentences and links, the cursor.
import { describe as group, expect, it } from "vitest";
import {
  ACTIVITY_KINDS,
  actionsOf,
  decodeCursor,
  encodeCursor,
  kindOf,
  kindsFor,
  sees,
  visibleActions,
  type FeedEvent,
  type Viewer,
} from "./activity-model.ts";
import { describe, type Names } from "./sentence-model.ts";

const ACME = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const DANA = "33333333-3333-4333-8333-333333333333";
const CLIENT_USER = "44444444-4444-4444-8444-444444444444";

const names: Names = {
  person: (id) => ({ [DANA]: "Dana", [CLIENT_USER]: "Carl Client" })[id],
  client: (id) => ({ [ACME]: { slug: "acme", name: "Acme" } })[id],
};

function event(action: string, over: Partial<FeedEvent> = {}): FeedEvent {
  return {
    id: 7n,
    clientId: ACME,
    actorType: "user",
    actorId: DANA,
    action,
    subjectType: null,
    subjectId: "55555555-5555-4555-8555-555555555555",
    before: null,
    after: null,
    occurredAt: new Date("2026-06-15T10:00:00Z"),
    ...over,
  };
}

const admin: Viewer = { firmId: "f", userId: DANA, side: "partner", admin: true, clients: "all" };
const ops: Viewer = { ...admin, admin: false };
const opsWithList: Viewer = { ...ops, clients: [ACME] };
const clientUser: Viewer = {
  firmId: "f",
  userId: CLIENT_USER,
  side: "client",
  admin: false,
  clients: [ACME],
};

group("kinds", () => {
  it("maps feed actions to kinds and leaves the rest out", () => {
    expect(kindOf("ledger.entry.posted")).toBe("posting");
    expect(kindOf("comms.comment.created")).toBe("comment");
    expect(kindOf("identity.signed_in")).toBe("sign_in");
    expect(kindOf("identity.sign_in.failed")).toBe("security");
    expect(kindOf("documents.document.viewed")).toBeNull();
    for (const k of ACTIVITY_KINDS) expect(actionsOf([k]).length, k).toBeGreaterThan(0);
    expect(actionsOf([])).toEqual(actionsOf([...ACTIVITY_KINDS]));
  });

  it("shows security events to Partner Admins only, and clients only their kinds", () => {
    expect(kindsFor(admin)).toContain("security");
    expect(kindsFor(ops)).not.toContain("security");
    expect(kindsFor(ops)).toContain("sign_in");
    expect(kindsFor(clientUser)).not.toContain("security");
    expect(kindsFor(clientUser)).not.toContain("sign_in");
    expect(visibleActions(ops, ["security"])).toEqual([]);
    expect(visibleActions(clientUser, ["comment"])).not.toContain("comms.comment.deleted");
  });
});

group("who sees an event", () => {
  it("keeps firm-level events to the firm's users who reach every client", () => {
    const signIn = event("identity.signed_in", { clientId: null });
    expect(sees(admin, signIn)).toBe(true);
    expect(sees(ops, signIn)).toBe(true);
    expect(sees(opsWithList, signIn)).toBe(false);
    expect(sees(clientUser, signIn)).toBe(false);
    expect(sees(ops, event("identity.sign_in.failed", { clientId: null }))).toBe(false);
    expect(sees(admin, event("identity.sign_in.failed", { clientId: null }))).toBe(true);
  });

  it("keeps a client's events to those who see the client", () => {
    const posted = event("ledger.entry.posted", { clientId: OTHER });
    expect(sees(admin, posted)).toBe(true);
    expect(sees(opsWithList, posted)).toBe(false);
    expect(sees(clientUser, posted)).toBe(false);
    expect(sees(clientUser, event("ledger.entry.posted"))).toBe(true);
    // A client hears that its month closed, not that the firm reopened it to correct something.
    expect(sees(clientUser, event("close.month.closed"))).toBe(true);
    expect(sees(clientUser, event("close.month.reopened"))).toBe(false);
    expect(sees(ops, event("close.month.reopened"))).toBe(true);
  });

  it("never shows a client user a firm-only comment, nor a task given to someone else", () => {
    expect(sees(clientUser, event("comms.comment.created", { after: { visibility: "firm" } }))).toBe(false);
    expect(sees(clientUser, event("comms.comment.created", { after: { visibility: "client" } }))).toBe(true);
    expect(sees(ops, event("comms.comment.created", { after: { visibility: "firm" } }))).toBe(true);
    const task = (after: unknown) => event("work.task.created", { after });
    expect(sees(clientUser, task({ assignee_kind: "client" }))).toBe(true);
    expect(sees(clientUser, task({ assignee_kind: "user", assignee_user_id: CLIENT_USER }))).toBe(true);
    expect(sees(clientUser, task({ assignee_kind: "user", assignee_user_id: DANA }))).toBe(false);
    expect(sees(clientUser, event("work.task.reassigned", { after: { assignee: { kind: "client" } } }))).toBe(
      true,
    );
    expect(sees(clientUser, event("documents.document.viewed"))).toBe(false);
  });
});

group("sentences and links", () => {
  it("names who did what to which object for which client, and links the object", () => {
    const posted = describe(
      event("ledger.entry.posted", { after: { reference: "JE-12", number: "12" } }),
      names,
    );
    expect(posted.sentence).toBe("Dana posted journal entry JE-12 for Acme");
    expect(posted.link).toBe("/c/acme/ledger/entries/55555555-5555-4555-8555-555555555555");
    expect(describe(event("ledger.entry.posted", { after: { number: "12" } }), names).sentence).toBe(
      "Dana posted journal entry #12 for Acme",
    );
  });

  it("describes each kind in words", () => {
    const s = (action: string, over: Partial<FeedEvent> = {}) => describe(event(action, over), names);
    expect(s("comms.comment.created", { subjectType: "task" })).toMatchObject({
      sentence: "Dana commented on a task for Acme",
      link: "/c/acme/work?task=55555555-5555-4555-8555-555555555555",
    });
    expect(
      s("work.task.updated", {
        before: { title: "Upload", status: "to_do" },
        after: { title: "Upload", status: "done" },
      }).sentence,
    ).toBe('Dana moved the task "Upload" to done for Acme');
    expect(s("documents.document.uploaded", { after: { name: "may.pdf" } }).sentence).toBe(
      'Dana uploaded "may.pdf" for Acme',
    );
    expect(
      s("banking.statement.imported", { after: { file: { name: "may.ofx" }, newLines: 12 } }).sentence,
    ).toBe('Dana imported "may.ofx" (12 new bank lines) for Acme');
    expect(
      s("transactions.auto_posted", { actorType: "system", actorId: "system", after: { entries: 40 } }),
    ).toMatchObject({
      sentence: "Closebook posted 40 transactions automatically for Acme",
      link: "/c/acme/transactions",
    });
    expect(
      s("reconcile.reconciliation.completed", {
        after: { period: { from: "2026-05-01", to: "2026-05-31" } },
      }),
    ).toMatchObject({
      sentence: "Dana completed the reconciliation of 2026-05-01 to 2026-05-31 for Acme",
      link: "/c/acme/reconcile/55555555-5555-4555-8555-555555555555",
    });
    expect(s("ledger.period.locked", { after: { month: "2026-05" } })).toMatchObject({
      sentence: "Dana closed May 2026 for Acme",
      link: "/c/acme/ledger/periods",
    });
    expect(
      s("close.month.closed_with_override", { subjectType: "close_period", subjectId: `${ACME}:2026-05` }),
    ).toMatchObject({
      sentence: "Dana closed the books of May 2026 for Acme",
      link: "/c/acme/close/2026-05",
    });
    expect(s("identity.signed_in", { clientId: null })).toMatchObject({
      sentence: "Dana signed in",
      link: "/users",
    });
    expect(
      s("user.role.changed", { clientId: null, subjectType: "user", subjectId: CLIENT_USER }).sentence,
    ).toBe("Dana changed the role of Carl Client");
    expect(
      s("identity.sign_in.failed", { clientId: null, actorType: "anonymous", actorId: null }).sentence,
    ).toBe("Someone failed to sign in");
  });

  it("never reads a comment's text or a secret into a sentence (the trail has none to give)", () => {
    const c = describe(
      event("comms.comment.created", {
        subjectType: "document",
        after: { visibility: "client", body: "secret" },
      }),
      names,
    );
    expect(c.sentence).not.toContain("secret");
  });
});

group("cursor", () => {
  it("round-trips an id and refuses anything else", () => {
    expect(decodeCursor(encodeCursor(123456789n))).toBe(123456789n);
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(Buffer.from("a1:-4").toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from("a1:1;drop").toString("base64url"))).toBeNull();
  });
});
