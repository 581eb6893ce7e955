// The unsubscribe pages, outside the API and without signing in: GET /unsubscribe shows what the
// link will do and a button; POST /unsubscribe applies it (the button, or a mail client's one-click
// "List-Unsubscribe=One-Click" POST). Plain HTML with no script, so it works from any mail client.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import { AppError } from "../../platform/errors.ts";
import type { NotifyCtx } from "./service.ts";
import { applyUnsubscribe, readUnsubscribe } from "./unsubscribe-service.ts";

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} · Closebook</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.4rem">${escape(title)}</h1>${body}</body></html>`;
}

const query = z.object({ token: z.string().min(1).max(600) });

export function unsubscribeRoutes(nctx: NotifyCtx) {
  return async (app: App) => {
    await app.register(async (scope: App) => {
      // The form and the one-click POST send application/x-www-form-urlencoded; the token is in the URL.
      scope.addContentTypeParser(
        "application/x-www-form-urlencoded",
        { parseAs: "string", bodyLimit: 4096 },
        (_req, body, done) => done(null, body),
      );
      const refused = (error: unknown, reply: import("fastify").FastifyReply) => {
        if (!(error instanceof AppError) || ![404, 410].includes(error.status)) throw error;
        return reply
          .code(error.status)
          .type("text/html; charset=utf-8")
          .send(
            page(
              "This link does not work",
              `<p>${escape(error.detail)}.</p><p>Sign in to Closebook and change what you receive under <b>Notification settings</b>.</p>`,
            ),
          );
      };
      scope.get("/unsubscribe", { schema: { hide: true, querystring: query } }, async (req, reply) => {
        try {
          const r = await readUnsubscribe(nctx, req.query.token);
          const action = `/unsubscribe?token=${encodeURIComponent(req.query.token)}`;
          return reply
            .type("text/html; charset=utf-8")
            .header("cache-control", "no-store")
            .send(
              page(
                "Change your Closebook e-mails",
                `<p>For <b>${escape(r.email)}</b>:</p><p>${escape(r.description)}</p>
<form method="post" action="${escape(action)}"><input type="hidden" name="confirm" value="yes"><button type="submit" style="font-size:1rem;padding:.5rem 1rem">Confirm</button></form>
<p style="color:#555">Nothing changes until you confirm. You can change it back any time in your notification settings.</p>`,
              ),
            );
        } catch (error) {
          return refused(error, reply);
        }
      });
      scope.post("/unsubscribe", { schema: { hide: true, querystring: query } }, async (req, reply) => {
        try {
          const r = await applyUnsubscribe(nctx, req.query.token);
          return reply
            .type("text/html; charset=utf-8")
            .header("cache-control", "no-store")
            .send(
              page(
                "Done",
                `<p>For <b>${escape(r.email)}</b>: ${escape(r.description)}</p><p>You can change it back any time in your notification settings.</p>`,
              ),
            );
        } catch (error) {
          return refused(error, reply);
        }
      });
    });
  };
}
