// HTTP routes of the monthly report package: ask for a new version of a month (202, made by a
// job), list the versions, poll one's status and progress, download its PDF or XLSX; and the
// client's package settings. Asking and changing settings is the firm's; reading is everyone's
// who reads the books.
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { attachmentDisposition } from "../../platform/content-disposition.ts";
import {
  clientParam,
  errors,
  idParam,
  packageListOut,
  packageListQuery,
  packageOut,
  packageRequestIn,
  packageSettingsIn,
  packageSettingsOut,
} from "./schemas.ts";
import { getPackage, listPackages, packageDownload, requestPackage } from "./package-service.ts";
import { getPackageSettings, updatePackageSettings } from "./package-settings-service.ts";

const base = "/api/clients/:client";
const tags = { tags: ["Reports"] };

export function packageRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.post(
      `${base}/report-packages`,
      {
        schema: {
          ...tags,
          summary: "Generate a new version of a month's report package (a job: poll its status)",
          params: clientParam,
          body: packageRequestIn,
          response: { 202: packageOut, ...errors },
        },
      },
      async (req, reply) => {
        const view = await requestPackage(ctx, req.actor, req.params.client, req.body);
        return reply.code(202).send(view);
      },
    );
    app.get(
      `${base}/report-packages`,
      {
        schema: {
          ...tags,
          summary: "The client's generated report packages, newest month and version first",
          params: clientParam,
          querystring: packageListQuery,
          response: { 200: packageListOut, ...errors },
        },
      },
      async (req) => ({ packages: await listPackages(ctx, req.actor, req.params.client, req.query) }),
    );
    app.get(
      `${base}/report-packages/:id`,
      {
        schema: {
          ...tags,
          summary: "One report package: status (queued, running, done, failed), progress, files",
          params: idParam,
          response: { 200: packageOut, ...errors },
        },
      },
      async (req) => getPackage(ctx, req.actor, req.params.client, req.params.id),
    );
    for (const which of ["pdf", "xlsx"] as const) {
      app.get(
        `${base}/report-packages/:id/${which}`,
        {
          schema: {
            ...tags,
            summary: `Download a generated report package as ${which.toUpperCase()}`,
            params: idParam,
            response: { ...errors },
          },
        },
        async (req, reply) => {
          const file = await packageDownload(ctx, req.actor, req.params.client, req.params.id, which);
          return reply
            .type(file.contentType)
            .header("content-disposition", attachmentDisposition(file.filename))
            .send(file.bytes as never);
        },
      );
    }
    app.get(
      `${base}/report-package-settings`,
      {
        schema: {
          ...tags,
          summary:
            "The client's report package settings (statements, trailing twelve months, rounding, notes)",
          params: clientParam,
          response: { 200: packageSettingsOut, ...errors },
        },
      },
      async (req) => getPackageSettings(ctx, req.actor, req.params.client),
    );
    app.patch(
      `${base}/report-package-settings`,
      {
        schema: {
          ...tags,
          summary: "Change the client's report package settings",
          params: clientParam,
          body: packageSettingsIn,
          response: { 200: packageSettingsOut, ...errors },
        },
      },
      async (req) => updatePackageSettings(ctx, req.actor, req.params.client, req.body),
    );
  };
}
