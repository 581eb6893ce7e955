// HTTP routes of service procedures: the firm's catalogue, a client's scope, and a client's month
// checklist (sign-offs) and required information (ticks, requests to the client).
import type { Ctx } from "../../platform/context.ts";
import type { App } from "../../platform/http.ts";
import { listCatalogue, putService, setArchived } from "./catalogue-service.ts";
import { getMonthChecklist, signItem, unsignItem } from "./checklist-service.ts";
import { requestMissing, tickInfo, untickInfo } from "./info-service.ts";
import {
  catalogueOut,
  checklistOut,
  clientParam,
  codeParam,
  errors,
  monthParam,
  scopeIn,
  scopeOut,
  serviceIn,
  serviceOut,
  signIn,
  tickIn,
  unsignIn,
  untickIn,
} from "./schemas.ts";
import { getClientScope, putClientScope } from "./scope-service.ts";

const tags = { tags: ["Services"] };
const month = "/api/clients/:client/close/:month";

export function servicesRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      "/api/firm/services",
      {
        schema: {
          ...tags,
          summary: "The firm's service catalogue (seeded with the defaults)",
          response: { 200: catalogueOut, ...errors },
        },
      },
      async (req) => ({ services: await listCatalogue(ctx, req.actor) }),
    );
    app.put(
      "/api/firm/services/:code",
      {
        schema: {
          ...tags,
          summary:
            "Add a service under a code, or replace it: tasks, checklist, required information, cut-off",
          params: codeParam,
          body: serviceIn,
          response: { 200: serviceOut, ...errors },
        },
      },
      async (req) => putService(ctx, req.actor, req.params.code, req.body),
    );
    for (const [path, archived] of [
      ["archive", true],
      ["restore", false],
    ] as const)
      app.post(
        `/api/firm/services/:code/${path}`,
        {
          schema: {
            ...tags,
            summary: archived
              ? "Archive a service (no longer switched on; its months leave it out)"
              : "Restore an archived service",
            params: codeParam,
            response: { 200: serviceOut, ...errors },
          },
        },
        async (req) => setArchived(ctx, req.actor, req.params.code, archived),
      );
    app.get(
      "/api/clients/:client/services",
      {
        schema: {
          ...tags,
          summary: "The client's scope: which services are on, from which month",
          params: clientParam,
          response: { 200: scopeOut, ...errors },
        },
      },
      async (req) => getClientScope(ctx, req.actor, req.params.client),
    );
    app.put(
      "/api/clients/:client/services",
      {
        schema: {
          ...tags,
          summary:
            "Set the services on (the others are switched off); switching one on generates its recurring work",
          params: clientParam,
          body: scopeIn,
          response: { 200: scopeOut, ...errors },
        },
      },
      async (req) => putClientScope(ctx, req.actor, req.params.client, req.body),
    );
    app.get(
      `${month}/checklist`,
      {
        schema: {
          ...tags,
          summary: "The month's close checklist (with sign-offs) and required information (with arrivals)",
          params: monthParam,
          response: { 200: checklistOut, ...errors },
        },
      },
      async (req) => getMonthChecklist(ctx, req.actor, req.params.client, req.params.month),
    );
    app.post(
      `${month}/checklist/sign`,
      {
        schema: {
          ...tags,
          summary: "Sign a checklist item as preparer, or as reviewer (another person) after the preparer",
          params: monthParam,
          body: signIn,
          response: { 200: checklistOut, ...errors },
        },
      },
      async (req) => signItem(ctx, req.actor, req.params.client, req.params.month, req.body),
    );
    app.post(
      `${month}/checklist/unsign`,
      {
        schema: {
          ...tags,
          summary: "Take a sign-off back (the reviewer's first), with the reason",
          params: monthParam,
          body: unsignIn,
          response: { 200: checklistOut, ...errors },
        },
      },
      async (req) => unsignItem(ctx, req.actor, req.params.client, req.params.month, req.body),
    );
    app.post(
      `${month}/required-info/tick`,
      {
        schema: {
          ...tags,
          summary: "Tick a required information item as received (by hand)",
          params: monthParam,
          body: tickIn,
          response: { 200: checklistOut, ...errors },
        },
      },
      async (req) => tickInfo(ctx, req.actor, req.params.client, req.params.month, req.body),
    );
    app.post(
      `${month}/required-info/untick`,
      {
        schema: {
          ...tags,
          summary: "Take a required information item's arrival back",
          params: monthParam,
          body: untickIn,
          response: { 200: checklistOut, ...errors },
        },
      },
      async (req) => untickInfo(ctx, req.actor, req.params.client, req.params.month, req.body),
    );
    app.post(
      `${month}/required-info/request`,
      {
        schema: {
          ...tags,
          summary: "Ask the client for the month's missing items: a document upload request each",
          params: monthParam,
          response: { 200: checklistOut, ...errors },
        },
      },
      async (req) => requestMissing(ctx, req.actor, req.params.client, req.params.month),
    );
  };
}
