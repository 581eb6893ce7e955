// HTTP routes of projects (/api/projects) and project templates (/api/project-templates): the
// firm's grouping and planning of work, and the generation of a template's period for a client.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import {
  errors,
  generatedOut,
  generateIn,
  idParam,
  projectIn,
  projectOut,
  projectQuery,
  projectsOut,
  templateClientIn,
  templateClientParam,
  templateIn,
  templateOut,
  templatesOut,
} from "./schemas.ts";
import { createProject, getProject, listProjects } from "./project-service.ts";
import {
  addTemplateClient,
  archiveTemplate,
  createTemplate,
  getTemplate,
  listTemplates,
  removeTemplateClient,
  updateTemplate,
} from "./template-service.ts";
import { generatePeriod } from "./generate-service.ts";

const tags = { tags: ["Work"] };

export function projectRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      "/api/projects",
      {
        schema: {
          ...tags,
          summary: "Projects of the clients you reach, newest first, with open and total tasks",
          querystring: projectQuery,
          response: { 200: projectsOut, ...errors },
        },
      },
      async (req) => ({ projects: await listProjects(ctx, req.actor, req.query) }),
    );
    app.post(
      "/api/projects",
      {
        schema: {
          ...tags,
          summary: "Create a project for a client",
          body: projectIn,
          response: { 201: projectOut, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createProject(ctx, req.actor, req.body)),
    );
    app.get(
      "/api/projects/:id",
      {
        schema: { ...tags, summary: "A project", params: idParam, response: { 200: projectOut, ...errors } },
      },
      async (req) => getProject(ctx, req.actor, req.params.id),
    );
    app.get(
      "/api/project-templates",
      {
        schema: {
          ...tags,
          summary: "The firm's project templates",
          response: { 200: templatesOut, ...errors },
        },
      },
      async (req) => ({ templates: await listTemplates(ctx, req.actor) }),
    );
    app.post(
      "/api/project-templates",
      {
        schema: {
          ...tags,
          summary:
            "Create a project template (refused, naming the field, when a relative due date makes no sense)",
          body: templateIn,
          response: { 201: templateOut, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createTemplate(ctx, req.actor, req.body)),
    );
    app.get(
      "/api/project-templates/:id",
      {
        schema: {
          ...tags,
          summary: "A project template",
          params: idParam,
          response: { 200: templateOut, ...errors },
        },
      },
      async (req) => getTemplate(ctx, req.actor, req.params.id),
    );
    app.put(
      "/api/project-templates/:id",
      {
        schema: {
          ...tags,
          summary: "Replace a template's name, recurrence and tasks (periods already generated keep theirs)",
          params: idParam,
          body: templateIn,
          response: { 200: templateOut, ...errors },
        },
      },
      async (req) => updateTemplate(ctx, req.actor, req.params.id, req.body),
    );
    app.delete(
      "/api/project-templates/:id",
      {
        schema: {
          ...tags,
          summary: "Archive a template: it generates nothing more",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await archiveTemplate(ctx, req.actor, req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/project-templates/:id/clients",
      {
        schema: {
          ...tags,
          summary: "Make a template recur for a client from a period on",
          params: idParam,
          body: templateClientIn,
          response: { 200: templateOut, ...errors },
        },
      },
      async (req) => addTemplateClient(ctx, req.actor, req.params.id, req.body),
    );
    app.delete(
      "/api/project-templates/:id/clients/:client",
      {
        schema: {
          ...tags,
          summary: "Stop a template recurring for a client (its generated projects stay)",
          params: templateClientParam,
          response: { 200: templateOut, ...errors },
        },
      },
      async (req) => removeTemplateClient(ctx, req.actor, req.params.id, req.params.client),
    );
    app.post(
      "/api/project-templates/:id/generate",
      {
        schema: {
          ...tags,
          summary: "Generate a template's project for a client and period now (a second time adds nothing)",
          params: idParam,
          body: generateIn,
          response: { 200: generatedOut, ...errors },
        },
      },
      async (req) => generatePeriod(ctx, req.actor, req.params.id, req.body),
    );
  };
}
