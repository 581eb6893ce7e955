// Typed calls to the help center API (src/modules/help/routes.ts).
import { api } from "./client.ts";

export interface HelpSummary {
  slug: string;
  title: string;
  summary: string;
  sections: Array<{ id: string; title: string; level: number }>;
}
export interface HelpArticle extends HelpSummary {
  html: string;
  markdown: string;
}
export interface HelpHit {
  slug: string;
  articleTitle: string;
  sectionId: string | null;
  sectionTitle: string | null;
  snippet: string;
  score: number;
}

export const helpApi = {
  list: () => api.get<{ articles: HelpSummary[] }>("/api/help").then((r) => r.articles),
  article: (slug: string) => api.get<HelpArticle>(`/api/help/${encodeURIComponent(slug)}`),
  search: (q: string) => api.get<{ results: HelpHit[] }>("/api/help/search", { q }).then((r) => r.results),
};
