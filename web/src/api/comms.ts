// Typed calls to the comments API (src/modules/comms): an object's thread, writing, editing and
// deleting one's own comment, a comment's history, and the people one may mention.
import type { z } from "zod";
import { api } from "./client.ts";
import type {
  commentIn,
  commentChangeIn,
  commentOut,
  mentionableOut,
  versionOut,
  writtenOut,
} from "../../../src/modules/comms/schemas.ts";

export type Comment = z.infer<typeof commentOut>;
export type CommentVersion = z.infer<typeof versionOut>;
export type Written = z.infer<typeof writtenOut>;
export type CommentInput = z.input<typeof commentIn>;
export type CommentChange = z.input<typeof commentChangeIn>;
export type Mentionable = z.infer<typeof mentionableOut>["people"][number];
export type Visibility = Comment["visibility"];

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}/comments`;

export const commsApi = {
  thread: (client: string, object: string) =>
    api.get<{ comments: Comment[] }>(base(client), { object }).then((r) => r.comments),
  create: (client: string, input: CommentInput) => api.post<Written>(base(client), input),
  edit: (client: string, id: string, change: CommentChange) =>
    api.patch<Written>(`${base(client)}/${id}`, change),
  remove: (client: string, id: string) => api.del(`${base(client)}/${id}`),
  history: (client: string, id: string) =>
    api.get<{ versions: CommentVersion[] }>(`${base(client)}/${id}/history`).then((r) => r.versions),
  people: (client: string, visibility: Visibility) =>
    api
      .get<{ people: Mentionable[] }>(`/api/clients/${encodeURIComponent(client)}/comment-people`, {
        visibility,
      })
      .then((r) => r.people),
};
