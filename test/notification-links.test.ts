// Every link a notification (or an Activity Hub item) carries must open a page of the portal: each
// notification event's link builders, called with sample values, and every Activity Hub action's
// link, are matched against the web router's route table (the modules' routes, as the portal's
// PortalRoutes picks a page). A link to no page fails here, and so does a new notification event
// that no builder below covers.
import { beforeAll, describe, expect, it } from "vitest";
import { EVENTS, type EventName } from "../src/modules/notifications/index.ts";
import { reviewWaitingNotice } from "../src/modules/transactions/index.ts";
import { aiSettingsLink } from "../src/modules/categorize/index.ts";
import { bankingLink } from "../src/modules/banking/index.ts";
import { closeMonthLink } from "../src/modules/close/index.ts";
import { INVITER_LINK } from "../src/modules/identity/index.ts";
import { vaultLink } from "../src/modules/vault/index.ts";
import { actionsOf, describeActivity, kindOf } from "../src/modules/activity/index.ts";
import { commentedObjectLinks } from "../src/app/comms.ts";
import { clientLink } from "../src/app/services.ts";
import { heldEntryLink } from "../src/app/journal-notices.ts";
import type { PortalModule } from "../web/src/modules/registry.ts";

const SLUG = "bluebird-coffee";
const ID = "0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b";

/** Each event and the links its senders build (several senders may share an event). */
const LINKS: Record<EventName, string[]> = {
  "user.joined": [INVITER_LINK],
  "client.terminated": [clientLink(SLUG)],
  "client.termination_cancelled": [clientLink(SLUG)],
  "task.assigned": [vaultLink(SLUG)],
  // Declared for the settings page; no module sends it yet (when one does, its link goes here).
  "task.due": [],
  "comment.mention": Object.values(commentedObjectLinks).map((link) => link(SLUG, ID)),
  "comment.on_yours": Object.values(commentedObjectLinks).map((link) => link(SLUG, ID)),
  "comment.on_watched": Object.values(commentedObjectLinks).map((link) => link(SLUG, ID)),
  "bank.connection.attention": [bankingLink(SLUG)],
  "review.waiting": [
    reviewWaitingNotice("firm", {
      assigneeId: ID,
      clientId: ID,
      clientSlug: SLUG,
      bankAccountName: "Operating",
      needsReview: 3,
      held: 0,
    } as Parameters<typeof reviewWaitingNotice>[1])!.link!,
  ],
  "bot.learned": [aiSettingsLink(SLUG)],
  "close.reopened": [closeMonthLink(SLUG, "2026-05")],
  "journals.held": [heldEntryLink(SLUG, "2026-05", ID)],
};

let modules: PortalModule[];
let findRoute: (m: PortalModule[], path: string) => unknown;

beforeAll(async () => {
  // The web router listens to the browser's history when loaded; a stand-in window is all it needs
  // here (the route table itself is plain data).
  Object.assign(globalThis, {
    window: { addEventListener() {}, location: { pathname: "/", search: "", hash: "" } },
  });
  modules = (await import("../web/src/modules/index.ts")).MODULES;
  findRoute = (await import("../web/src/app/Routes.tsx")).findRoute;
});

const opens = (link: string) => findRoute(modules, new URL(link, "http://portal.test").pathname) !== null;

describe("notification links", () => {
  it("covers every notification event", () => {
    expect(Object.keys(LINKS).sort()).toEqual(Object.keys(EVENTS).sort());
  });

  it("opens a portal page for every link of every event", () => {
    const nowhere = Object.entries(LINKS).flatMap(([event, links]) =>
      links.filter((l) => !l.startsWith("/") || !opens(l)).map((l) => `${event}: ${l}`),
    );
    expect(nowhere).toEqual([]);
    expect(Object.values(LINKS).flat().length).toBeGreaterThan(15);
  });

  it("fails on a link to no page (the check itself works)", () => {
    expect(opens(`/c/${SLUG}/reconciliations/${ID}`)).toBe(false);
    expect(opens(`/c/${SLUG}/close`)).toBe(false);
    expect(opens(closeMonthLink(SLUG, "2026-05"))).toBe(true);
  });
});

describe("Activity Hub links", () => {
  it("opens a portal page for every feed action that has a link", () => {
    const names = {
      person: () => "Dana",
      client: () => ({ slug: SLUG, name: "Bluebird Coffee" }),
    };
    const subjects = ["task", "document", "transaction", "journal_entry", "reconciliation", "user", null];
    const nowhere: string[] = [];
    let linked = 0;
    for (const action of actionsOf([])) {
      expect(kindOf(action)).not.toBeNull();
      for (const subjectType of subjects) {
        const { link } = describeActivity(
          {
            id: 1n,
            clientId: action.startsWith("identity.") || action.startsWith("user.") ? null : ID,
            actorType: "user",
            actorId: ID,
            action,
            subjectType,
            subjectId: ID,
            before: null,
            after: { month: "2026-05", reference: "JE-1", name: "a.pdf", title: "T", visibility: "client" },
            occurredAt: new Date(),
          },
          names,
        );
        if (link === null) continue;
        linked++;
        if (!opens(link)) nowhere.push(`${action} (${subjectType}): ${link}`);
      }
    }
    expect(nowhere).toEqual([]);
    expect(linked).toBeGreaterThan(50);
  });
});
