// The comms module's public face: comments with @mentions on the objects of a client, visibility
// per comment, edits and deletions with their history kept, and the notifications they cause.
export type { CommsCtx, ObjectInfo, ObjectResolver } from "./comms-ctx.ts";
export {
  listComments,
  createComment,
  editComment,
  deleteComment,
  commentHistory,
  mentionPeople,
} from "./comment-service.ts";
export type { CommentInput, CommentChange, Written } from "./comment-service.ts";
export type { CommentView, VersionView } from "./comment-view.ts";
export {
  OBJECT_KINDS,
  VISIBILITIES,
  parseObjectRef,
  formatObjectRef,
  mentionedHandles,
  handleOf,
} from "./model.ts";
export type { ObjectKind, ObjectRef, Visibility } from "./model.ts";
export type { CommsTables } from "./tables.ts";
export { commsRoutes } from "./routes.ts";
