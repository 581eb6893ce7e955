// Loads the help guides shipped with this version (docs/help/*.md) once, and answers the help
// center's questions about them: the list, one article (with its HTML) and search.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { notFound } from "../../platform/errors.ts";
import {
  parseArticle,
  renderArticleHtml,
  searchArticles,
  sortArticles,
  type HelpArticle,
  type SearchHit,
} from "./model.ts";

/** The guides folder of this checkout: help is versioned with the product. */
export const DEFAULT_HELP_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../docs/help",
);

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export interface HelpLibrary {
  list(): HelpArticle[];
  get(slug: string): HelpArticle & { html: string };
  search(query: string, limit?: number): SearchHit[];
}

export function loadHelpLibrary(dir: string = DEFAULT_HELP_DIR): HelpLibrary {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".md"))
        .sort()
    : [];
  const articles = sortArticles(
    files
      .map((f) => f.slice(0, -3))
      .filter((slug) => SLUG.test(slug))
      .map((slug) => parseArticle(slug, fs.readFileSync(path.join(dir, `${slug}.md`), "utf8"))),
  );
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const html = new Map<string, string>();
  return {
    list: () => articles,
    get(slug) {
      const article = bySlug.get(slug);
      if (!article)
        throw notFound("help/no-such-article", `there is no help article "${slug}"`, { field: "slug" });
      if (!html.has(slug)) html.set(slug, renderArticleHtml(article));
      return { ...article, html: html.get(slug)! };
    },
    search: (query, limit) => searchArticles(articles, query, limit),
  };
}
