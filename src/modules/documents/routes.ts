// The documents module's HTTP face, in the order of the OpenAPI document: folders, documents,
// uploads (which bring their own multipart parser), missing statements.
import type { App } from "../../platform/http.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import { documentRoutes } from "./document-routes.ts";
import { folderRoutes } from "./folder-routes.ts";
import { uploadRoutes } from "./upload-routes.ts";

export function documentsRoutes(ctx: DocumentsCtx) {
  return async (app: App) => {
    await folderRoutes(ctx)(app);
    await documentRoutes(ctx)(app);
    await uploadRoutes(ctx)(app);
  };
}
