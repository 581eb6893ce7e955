// Checks that the people a task names (assignee, watchers) work on the task's client: a user of the
// firm with all clients or this one on its list, or a user of this client.
import type { Executor } from "../../platform/db.ts";
import { ruleViolation } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { Assignee } from "./model.ts";

export async function checkPeople(
  ex: Executor,
  s: { firmId: string; clientId: string },
  userIds: readonly string[],
  field: string,
): Promise<void> {
  if (userIds.length === 0) return;
  const members = await access.membershipViews(ex, s.firmId, [...new Set(userIds)]);
  for (const [i, id] of userIds.entries()) {
    const m = members.get(id);
    const where = userIds.length === 1 && !field.endsWith("s") ? field : `${field}[${i}]`;
    if (!m) throw ruleViolation("work/unknown-person", `no user ${id} in this firm`, { field: where });
    if (m.mode !== "all" && !m.clientIds.includes(s.clientId))
      throw ruleViolation("work/person-without-access", `user ${id} does not work on this client`, {
        field: where,
      });
  }
}

export async function checkAssignee(
  ex: Executor,
  s: { firmId: string; clientId: string },
  a: Assignee,
): Promise<void> {
  if (a.kind === "user") await checkPeople(ex, s, [a.userId], "assignee.userId");
}

export const assigneeColumns = (a: Assignee) => ({
  assignee_kind: a.kind,
  assignee_user_id: a.kind === "user" ? a.userId : null,
});
