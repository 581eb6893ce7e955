// Tells people of a new comment, after it is saved: the mentioned (comment.mention), the people the
// object is theirs (comment.on_yours) and those who watch it or wrote in the thread
// (comment.on_watched) — each once, with the strongest reason, and only if they may read it.
import * as notifications from "../notifications/index.ts";
import type { CommsCtx, ObjectInfo } from "./comms-ctx.ts";
import { readersAmong, type Audience } from "./audience.ts";

export interface NewComment {
  audience: Audience;
  info: ObjectInfo;
  authorId: string;
  authorName: string;
  body: string;
  /** Checked readers to tell they were mentioned. */
  mentioned: readonly string[];
  /** Thread authors before this comment. */
  participants: readonly string[];
}

const excerpt = (body: string) => (body.length > 280 ? `${body.slice(0, 279)}…` : body);

export async function tellPeople(cctx: CommsCtx, c: NewComment): Promise<void> {
  const n = cctx.notify;
  if (!n) return;
  const told = new Set<string>([c.authorId, ...c.mentioned]);
  const base = {
    firmId: c.audience.firmId,
    clientId: c.audience.clientId,
    link: c.info.link,
    body: excerpt(c.body),
  };
  // A notification is not worth failing the comment that caused it.
  const send = (input: notifications.NotifyInput) => notifications.notify(n, input).catch(() => undefined);
  if (c.mentioned.length > 0)
    await send({
      ...base,
      userIds: c.mentioned,
      event: "comment.mention",
      title: `${c.authorName} mentioned you on ${c.info.title}`,
    });
  const owners = await readersAmong(
    cctx,
    c.audience,
    c.info.owners.filter((id) => !told.has(id)),
  );
  owners.forEach((id) => told.add(id));
  if (owners.length > 0)
    await send({
      ...base,
      userIds: owners,
      event: "comment.on_yours",
      title: `${c.authorName} commented on ${c.info.title}`,
    });
  const watchers = await readersAmong(
    cctx,
    c.audience,
    [...c.info.watchers, ...c.participants].filter((id) => !told.has(id)),
  );
  if (watchers.length > 0)
    await send({
      ...base,
      userIds: watchers,
      event: "comment.on_watched",
      title: `${c.authorName} commented on ${c.info.title}`,
    });
}
