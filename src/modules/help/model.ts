// The help center's pure logic: split a module's markdown guide into a title, a summary and
// sections, render it to HTML, and rank articles and sections for a full-text query.
import { Marked, type Tokens } from "marked";

export interface HelpSection {
  /** Anchor id, unique within the article ("troubleshooting", "posting-an-entry"). */
  id: string;
  title: string;
  /** 2 for "##", 3 for "###". */
  level: number;
  /** The section's own markdown, without its heading and without its subsections. */
  markdown: string;
}

export interface HelpArticle {
  slug: string;
  title: string;
  /** The first paragraph after the title, as plain text. */
  summary: string;
  markdown: string;
  /** Text before the first section heading (after the title). */
  intro: string;
  sections: HelpSection[];
}

export interface SearchHit {
  slug: string;
  articleTitle: string;
  /** The best-matching section, or null when the article's title/intro matched best. */
  sectionId: string | null;
  sectionTitle: string | null;
  /** Plain text around the first match, with the matched words. */
  snippet: string;
  score: number;
}

/** Lowercase anchor ids from heading text: "Who may do what?" → "who-may-do-what". */
export function anchorOf(text: string): string {
  return (
    plainText(text)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}

/** Strips inline markdown (links, emphasis, code ticks) to the words a reader sees. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/\|/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Parses one guide. The first "# " heading is the title (the slug stands in when there is none). */
export function parseArticle(slug: string, markdown: string): HelpArticle {
  const text = markdown.replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  let title = "";
  const intro: string[] = [];
  const sections: HelpSection[] = [];
  const used = new Map<string, number>();
  let current: { title: string; level: number; body: string[] } | null = null;
  let fence: string | null = null;

  const flush = () => {
    if (!current) return;
    let id = anchorOf(current.title);
    const seen = used.get(id) ?? 0;
    used.set(id, seen + 1);
    if (seen > 0) id = `${id}-${seen + 1}`;
    sections.push({
      id,
      title: plainText(current.title),
      level: current.level,
      markdown: current.body.join("\n").trim(),
    });
  };

  for (const line of lines) {
    // Headings inside fenced code are code, not structure.
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) fence = fence === null ? fenceMatch[1]![0]! : fence === fenceMatch[1]![0] ? null : fence;
    const heading = fence === null && !fenceMatch ? /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line) : null;
    if (heading && heading[1]!.length === 1 && !title && !current) {
      title = plainText(heading[2]!);
      continue;
    }
    if (heading && heading[1]!.length >= 2 && heading[1]!.length <= 3) {
      flush();
      current = { title: heading[2]!, level: heading[1]!.length, body: [] };
      continue;
    }
    (current ? current.body : intro).push(line);
  }
  flush();

  const introText = intro.join("\n").trim();
  const firstParagraph =
    introText.split(/\n\s*\n/).find((p) => p.trim() && !/^\s*([-*+]|\d+\.|\||>|```)/.test(p)) ?? "";
  return {
    slug,
    title: title || slug.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()),
    summary: plainText(firstParagraph.replace(/\n/g, " ")),
    markdown: text,
    intro: introText,
    sections,
  };
}

/** Renders an article to HTML, giving section headings the same ids as `parseArticle`. */
export function renderArticleHtml(article: HelpArticle): string {
  const ids = article.sections.map((s) => s.id);
  let next = 0;
  let skippedTitle = false;
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        // The page shows the title itself; the article body starts below it.
        if (token.depth === 1 && !skippedTitle) {
          skippedTitle = true;
          return "";
        }
        if (token.depth === 2 || token.depth === 3) {
          const id = ids[next++] ?? anchorOf(token.text);
          return `<h${token.depth} id="${id}">${inner}</h${token.depth}>\n`;
        }
        return `<h${token.depth}>${inner}</h${token.depth}>\n`;
      },
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        // Links between guides ("portal.md#notifications") become portal routes.
        const href = token.href.replace(
          /^(?:\.\/)?([a-z0-9-]+)\.md(#.*)?$/,
          (_m, slug: string, hash?: string) => `/help/${slug}${hash ?? ""}`,
        );
        const external = /^https?:/.test(href);
        return `<a href="${escapeAttr(href)}"${token.title ? ` title="${escapeAttr(token.title)}"` : ""}${external ? ' rel="noreferrer noopener" target="_blank"' : ""}>${inner}</a>`;
      },
      html() {
        // Guides are plain markdown: raw HTML is shown as nothing rather than trusted.
        return "";
      },
    },
  });
  return marked.parse(article.markdown, { async: false });
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

// ── search ──

const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "are",
  "as",
  "at",
  "be",
  "by",
  "do",
  "does",
  "for",
  "from",
  "how",
  "i",
  "in",
  "is",
  "it",
  "my",
  "not",
  "of",
  "on",
  "or",
  "the",
  "to",
  "what",
  "when",
  "where",
  "which",
  "who",
  "why",
  "with",
  "can",
  "did",
  "you",
  "your",
]);

/** Reduces a word to a crude stem so "entries"/"entry" and "posting"/"posted"/"post" meet. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("es") && /(ch|sh|x|ss|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  // "receive"/"received", "balance"/"balances" meet at "receiv", "balanc".
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Words of a text as stems, stop words dropped ("2FA" and "e-mail" stay whole). */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
  const out: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/'s$/, "");
    if (STOP_WORDS.has(word)) continue;
    out.push(stem(word));
    // "e-mail" is also found as "email", and "e mail".
    if (word.includes("-")) out.push(stem(word.replace(/-/g, "")));
  }
  return out;
}

interface Field {
  weight: number;
  tokens: string[];
}

interface Doc {
  slug: string;
  articleTitle: string;
  sectionId: string | null;
  sectionTitle: string | null;
  text: string;
  fields: Field[];
}

function docsOf(article: HelpArticle): Doc[] {
  const articleTitle = tokenize(article.title);
  const docs: Doc[] = [
    {
      slug: article.slug,
      articleTitle: article.title,
      sectionId: null,
      sectionTitle: null,
      text: plainText(article.intro),
      fields: [
        { weight: 6, tokens: articleTitle },
        { weight: 1, tokens: tokenize(plainText(article.intro)) },
      ],
    },
  ];
  for (const section of article.sections) {
    docs.push({
      slug: article.slug,
      articleTitle: article.title,
      sectionId: section.id,
      sectionTitle: section.title,
      text: plainText(section.markdown),
      fields: [
        { weight: 5, tokens: tokenize(section.title) },
        { weight: 2, tokens: articleTitle },
        { weight: 1, tokens: tokenize(plainText(section.markdown)) },
      ],
    });
  }
  return docs;
}

/**
 * Ranks sections of all articles for a query. Every query word must appear in a section (its
 * heading, its article's title or its text); the last word also matches as a prefix so results
 * follow typing. A word scores by where it is found (heading beats body), with diminishing
 * returns for repeats, weighted by how rare it is across sections; the exact phrase earns a bonus.
 * One hit per article section, best first; at most `limit`.
 */
export function searchArticles(articles: HelpArticle[], query: string, limit = 20): SearchHit[] {
  const terms = [...new Set(tokenize(query))];
  if (terms.length === 0) return [];
  const docs = articles.flatMap(docsOf);
  const lastTerm = terms.at(-1)!;
  const prefixOk = /[\p{L}\p{N}]$/u.test(query) && lastTerm.length >= 2;
  const matches = (token: string, term: string) =>
    token === term || (term === lastTerm && prefixOk && token.startsWith(term));

  const docFreq = new Map<string, number>();
  for (const term of terms) {
    docFreq.set(
      term,
      docs.filter((d) => d.fields.some((f) => f.tokens.some((t) => matches(t, term)))).length,
    );
  }
  const phrase = query.trim().toLowerCase().replace(/\s+/g, " ");

  const hits: SearchHit[] = [];
  for (const doc of docs) {
    let score = 0;
    let all = true;
    for (const term of terms) {
      let termScore = 0;
      for (const field of doc.fields) {
        const count = field.tokens.filter((t) => matches(t, term)).length;
        if (count > 0) termScore += field.weight * (1 + Math.log(count));
      }
      if (termScore === 0) {
        all = false;
        break;
      }
      const idf = Math.log(1 + docs.length / (docFreq.get(term) ?? 1));
      score += termScore * idf;
    }
    if (!all) continue;
    const haystack = `${doc.sectionTitle ?? ""} ${doc.text}`.toLowerCase().replace(/\s+/g, " ");
    if (terms.length > 1 && haystack.includes(phrase)) score *= 1.5;
    hits.push({
      slug: doc.slug,
      articleTitle: doc.articleTitle,
      sectionId: doc.sectionId,
      sectionTitle: doc.sectionTitle,
      snippet: snippetOf(doc.text, terms),
      score: Math.round(score * 1000) / 1000,
    });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      a.slug.localeCompare(b.slug) ||
      (a.sectionTitle ?? "").localeCompare(b.sectionTitle ?? ""),
  );
  return hits.slice(0, limit);
}

/** About 200 characters of text around the first word that matches a query term. */
export function snippetOf(text: string, terms: string[], width = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= width) return flat;
  const re = /[\p{L}\p{N}]+/gu;
  let at = 0;
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const s = stem(m[0]);
    if (terms.some((t) => s === t || s.startsWith(t))) {
      at = m.index;
      break;
    }
  }
  const start = Math.max(0, at - Math.floor(width / 3));
  const from = start === 0 ? 0 : flat.indexOf(" ", start) + 1;
  const cut = flat.slice(from, from + width);
  const end = cut.length < flat.length - from ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
  return `${from > 0 ? "…" : ""}${end}${from + end.length < flat.length ? "…" : ""}`;
}

/** Guide order in the index: the portal guide first, then by title; release notes are listed apart. */
export function sortArticles(articles: HelpArticle[]): HelpArticle[] {
  const rank = (a: HelpArticle) => (a.slug === "portal" ? 0 : a.slug === "whats-new" ? 2 : 1);
  return [...articles].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}
