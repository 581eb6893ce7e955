// HTTP routes for a client's folders: the tree (the standard folders made when first asked for),
// making, renaming, moving and removing folders.
import type { App } from "../../platform/http.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import * as folders from "./folder-service.ts";
import { clientParam, errors, folder, folderChange, folderIn, folderOut, idParam } from "./schemas.ts";
import { z } from "zod";

const tags = ["Documents"];

export function folderRoutes(ctx: DocumentsCtx) {
  return async (app: App) => {
    const base = "/api/clients/:client/folders";
    app.get(
      base,
      {
        schema: {
          tags,
          summary: "The client's folders, a flat list with parents (the standard tree is made on first use)",
          params: clientParam,
          response: { 200: z.object({ folders: z.array(folder) }), ...errors },
        },
      },
      async (req) => ({
        folders: (await folders.listFolders(ctx, req.actor, req.params.client)).map(folderOut),
      }),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary: "Make a folder (at the top, or inside `parentId`)",
          params: clientParam,
          body: folderIn,
          response: { 201: folder, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(folderOut(await folders.createFolder(ctx, req.actor, req.params.client, req.body))),
    );
    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary:
            "Rename a folder or move it into another (`parentId`, null for the top); standard folders stay where they are",
          params: idParam,
          body: folderChange,
          response: { 200: folder, ...errors },
        },
      },
      async (req) =>
        folderOut(await folders.changeFolder(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );
    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: "Remove an empty folder (not a standard one)",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await folders.deleteFolder(ctx, req.actor, req.params.client, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
