// HTTP routes of the help center: the guides list, one guide (HTML and markdown) and search.
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { HelpLibrary } from "./library.ts";

const problem = z
  .object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() })
  .loose();
const summary = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), level: z.number() })),
});
const hit = z.object({
  slug: z.string(),
  articleTitle: z.string(),
  sectionId: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  snippet: z.string(),
  score: z.number(),
});

export function helpRoutes(library: HelpLibrary) {
  return async (app: App) => {
    const tags = ["Help"];
    const toc = (a: ReturnType<HelpLibrary["list"]>[number]) => ({
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      sections: a.sections.map((s) => ({ id: s.id, title: s.title, level: s.level })),
    });
    app.get(
      "/api/help",
      {
        schema: {
          tags,
          summary: "List the help guides of this version",
          response: { 200: z.object({ articles: z.array(summary) }) },
        },
      },
      async () => ({ articles: library.list().map(toc) }),
    );
    app.get(
      "/api/help/search",
      {
        schema: {
          tags,
          summary: "Search the help guides (ranked, best first)",
          querystring: z.object({
            q: z.string().max(200).default(""),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: { 200: z.object({ query: z.string(), results: z.array(hit) }) },
        },
      },
      async (req) => ({ query: req.query.q, results: library.search(req.query.q, req.query.limit) }),
    );
    app.get(
      "/api/help/:slug",
      {
        schema: {
          tags,
          summary: "One help guide, rendered to HTML, with its markdown source",
          params: z.object({ slug: z.string().max(TEXT_LIMITS.name) }),
          response: { 200: summary.extend({ html: z.string(), markdown: z.string() }), 404: problem },
        },
      },
      async (req) => {
        const a = library.get(req.params.slug);
        return { ...toc(a), html: a.html, markdown: a.markdown };
      },
    );
  };
}
