// The help model: parsing guides into sections, rendering them, and ranking search results.
import { describe, expect, it } from "vitest";
import {
  anchorOf,
  parseArticle,
  plainText,
  renderArticleHtml,
  searchArticles,
  snippetOf,
  sortArticles,
  stem,
  tokenize,
} from "./model.ts";

const identity = parseArticle(
  "identity",
  [
    "# Signing in and security",
    "",
    "How to sign in with a password and a **second factor**, and what to do when it fails.",
    "",
    "## Two-factor authentication",
    "Enter the code from your authenticator app, or the code we send by e-mail or SMS.",
    "",
    "### Recovery codes",
    "Keep them somewhere safe.",
    "",
    "## Troubleshooting",
    "",
    "### I did not receive my 2FA code, or it does not work",
    "Use **Resend** on the code screen. If it still fails, ask your firm's administrator to reset your 2FA.",
    "",
    "```sh",
    "# not a heading",
    "```",
    "",
    "## Troubleshooting",
    "Second section with the same title.",
  ].join("\n"),
);

const ledger = parseArticle(
  "ledger",
  [
    "# Ledger",
    "",
    "Journal entries, the chart of accounts and reports.",
    "",
    "## Journal entries",
    "Create an entry, save it as a draft, post it. A posted entry is reversed, never edited.",
    "Entries entries entries entries: reversal of entries.",
    "",
    "## Reversing an entry",
    "Reverse a posted entry with a new entry that swaps debits and credits.",
    "",
    "## Trial balance",
    "Balances of every account as of a date; the code of each account is shown.",
  ].join("\n"),
);

describe("parseArticle", () => {
  it("takes the title from the first level-1 heading and the summary from the first paragraph", () => {
    expect(identity.title).toBe("Signing in and security");
    expect(identity.summary).toBe(
      "How to sign in with a password and a second factor, and what to do when it fails.",
    );
    expect(identity.slug).toBe("identity");
  });

  it("splits level-2 and level-3 headings into sections with unique anchors, ignoring headings in code", () => {
    expect(identity.sections.map((s) => [s.id, s.level])).toEqual([
      ["two-factor-authentication", 2],
      ["recovery-codes", 3],
      ["troubleshooting", 2],
      ["i-did-not-receive-my-2fa-code-or-it-does-not-work", 3],
      ["troubleshooting-2", 2],
    ]);
    const answer = identity.sections[3]!;
    expect(answer.markdown).toContain("Use **Resend** on the code screen.");
    expect(answer.markdown).toContain("# not a heading");
    // A section holds its own text only, not its subsections'.
    expect(identity.sections[0]!.markdown).not.toContain("somewhere safe");
  });

  it("falls back to the slug for the title and handles CRLF line endings", () => {
    const a = parseArticle("bank-feeds", "Intro line.\r\n\r\n## Setup\r\nSteps.\r\n");
    expect(a.title).toBe("Bank feeds");
    expect(a.summary).toBe("Intro line.");
    expect(a.sections).toEqual([{ id: "setup", title: "Setup", level: 2, markdown: "Steps." }]);
  });
});

describe("renderArticleHtml", () => {
  it("renders sections with the parsed anchors, drops the title, rewrites guide links and drops raw HTML", () => {
    const a = parseArticle(
      "x",
      "# Title\n\nSee [the ledger](ledger.md#trial-balance) and [site](https://example.org).\n\n## Step one\n\n<script>alert(1)</script>\n\n## Step one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    );
    const html = renderArticleHtml(a);
    expect(html).not.toContain("<h1");
    expect(html).toContain('<h2 id="step-one">Step one</h2>');
    expect(html).toContain('<h2 id="step-one-2">Step one</h2>');
    expect(html).toContain('<a href="/help/ledger#trial-balance">the ledger</a>');
    expect(html).toContain('href="https://example.org" rel="noreferrer noopener" target="_blank"');
    expect(html).not.toContain("<script");
    expect(html).toContain("<table>");
  });
});

describe("text helpers", () => {
  it("anchors, plain text, stems and tokens", () => {
    expect(anchorOf("Who may do **what**?")).toBe("who-may-do-what");
    expect(anchorOf("Réconciliation")).toBe("reconciliation");
    expect(plainText("Use **Resend** on [the code screen](x.md) or `npm start`")).toBe(
      "Use Resend on the code screen or npm start",
    );
    expect(stem("entries")).toBe("entry");
    expect(stem("posting")).toBe("post");
    expect(stem("posted")).toBe("post");
    expect(stem("accounts")).toBe("account");
    expect(stem("class")).toBe("class");
    expect(stem("received")).toBe(stem("receive"));
    expect(stem("balances")).toBe(stem("balance"));
    expect(tokenize("How do I reset my 2FA by e-mail?")).toEqual(["reset", "2fa", "e-mail", "email"]);
  });

  it("snippets center on the first match", () => {
    const text = `${"filler ".repeat(60)}the reversal swaps debits and credits ${"tail ".repeat(60)}`;
    const snippet = snippetOf(text, ["reversal"]);
    expect(snippet).toContain("the reversal swaps debits");
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(203);
  });
});

describe("searchArticles", () => {
  const articles = [identity, ledger];

  it("finds the troubleshooting answer for a 2FA code problem first", () => {
    const answer = { slug: "identity", sectionId: "i-did-not-receive-my-2fa-code-or-it-does-not-work" };
    expect(searchArticles(articles, "2FA code not received")[0]).toMatchObject(answer);
    expect(searchArticles(articles, "did not receive my 2FA code")[0]).toMatchObject(answer);
    // "code" is also in the ledger guide, but "2fa" is not: every word must match.
    expect(searchArticles(articles, "2FA code").every((h) => h.slug === "identity")).toBe(true);
    expect(searchArticles(articles, "code").some((h) => h.slug === "ledger")).toBe(true);
  });

  it("ranks a heading match above body mentions, and a rare word above a common one", () => {
    const hits = searchArticles(articles, "reversing");
    expect(hits[0]).toMatchObject({ slug: "ledger", sectionTitle: "Reversing an entry" });
    const entries = searchArticles(articles, "entries");
    expect(entries[0]!.sectionTitle).toBe("Journal entries");
  });

  it("requires every word, matches the last word as a prefix, and ignores stop words", () => {
    expect(searchArticles(articles, "reversal resend")).toEqual([]);
    expect(searchArticles(articles, "trial bal").map((h) => h.sectionTitle)).toEqual(["Trial balance"]);
    expect(searchArticles(articles, "the of and")).toEqual([]);
    expect(searchArticles(articles, "")).toEqual([]);
    // A complete word (followed by a space) does not match as a prefix.
    expect(searchArticles(articles, "bal ")).toEqual([]);
  });

  it("gives the exact phrase a bonus over the same words apart", () => {
    const a = parseArticle("a", "# A\n\n## One\nThe posted entry is final.\n");
    const b = parseArticle("b", "# B\n\n## Two\nAn entry that was posted earlier.\n");
    const hits = searchArticles([b, a], "posted entry");
    expect(hits.map((h) => h.slug)).toEqual(["a", "b"]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it("matches article titles for the article's intro and caps the number of hits", () => {
    expect(searchArticles(articles, "security")[0]).toMatchObject({ slug: "identity", sectionId: null });
    expect(searchArticles(articles, "entry", 2)).toHaveLength(2);
  });
});

describe("sortArticles", () => {
  it("puts the portal guide first and release notes last", () => {
    const list = ["whats-new", "ledger", "portal", "access"].map((s) =>
      parseArticle(s, `# ${s === "access" ? "Clients and users" : s}\n`),
    );
    expect(sortArticles(list).map((a) => a.slug)).toEqual(["portal", "access", "ledger", "whats-new"]);
  });
});
