// The HTTP server: Fastify with zod-validated routes, an OpenAPI document at /api/openapi.json,
// its browsable form at /api/docs (served locally, no CDN), /healthz, and one error shape:
// application/problem+json. Modules add their routes through `RouteModule`s given by the app.
import Fastify from "fastify";
import type { FastifyInstance, FastifyRequest, FastifyError, FastifyReply } from "fastify";
import type { Writable } from "node:stream";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { AppError, databaseRefusal, problemOf } from "./errors.ts";
import { assertSafeText } from "./safe-text.ts";

export type App = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  import("fastify").FastifyBaseLogger,
  ZodTypeProvider
>;

/** A module's HTTP face: a function that adds its routes to the server. */
export type RouteModule = (app: App) => Promise<void> | void;

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route answers without authentication (sign-in, invitations, help). */
    public?: boolean;
  }
}

export interface ServerOptions {
  logLevel?: string;
  /** Where log lines go (tests capture them to prove no secret is logged); stdout by default. */
  logStream?: Writable;
  version: string;
  routes: RouteModule[];
  /**
   * Runs first for every /api request (before the body is parsed or validated, so an anonymous
   * caller gets 401, never a validation error); used to resolve the actor (authentication).
   */
  onApiRequest?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** Wraps every /api route handler; used to run it in the actor's database scope. */
  aroundApiHandler?: <T>(request: FastifyRequest, handler: () => Promise<T>) => Promise<T>;
  /** Trust X-Forwarded-For from this many proxies (the client IP feeds sign-in throttling). */
  trustProxy?: number | boolean;
  health?: () => Promise<Record<string, unknown>>;
}

const isApi = (url: string) =>
  url.startsWith("/api/") && !url.startsWith("/api/docs") && url !== "/api/openapi.json";

/** Hides tokens in logged URLs: long opaque path segments (invitation links) and secret query parameters. */
export function redactUrl(url: string): string {
  const [path = "", query] = url.split("?", 2);
  const safePath = path.replace(/\/[A-Za-z0-9_-]{40,}(?=\/|$)/g, "/[redacted]");
  if (query === undefined) return safePath;
  const safeQuery = query.replace(
    /(^|&)(code|state|token|session_state|id_token|access_token)=[^&]*/gi,
    "$1$2=[redacted]",
  );
  return `${safePath}?${safeQuery}`;
}

export async function buildServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    logger:
      options.logLevel === "silent" || !options.logLevel
        ? false
        : {
            level: options.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Never log what could carry a secret: only method, redacted URL and peer of a request,
            // and errors without the SQL parameters a driver may attach.
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: redactUrl(req.url),
                remoteAddress: req.ip,
              }),
              err: (err: Error & { code?: unknown }) => ({
                type: err.name,
                message: err.message,
                code: err.code,
                stack: err.stack,
              }),
            },
            redact: [
              "req.headers.authorization",
              "req.headers.cookie",
              'req.headers["x-csrf-token"]',
              "res.headers['set-cookie']",
            ],
          },
    // A path that cannot be decoded (invalid UTF-8) or a parameter over 100 characters is refused
    // by the router before any route runs: answer it as every other refusal, a problem document.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      reply
        .code(error.statusCode ?? 400)
        .type("application/problem+json")
        .send({
          type: `https://closebook.dev/problems/http/${error.code}`,
          title: "request",
          status: error.statusCode ?? 400,
          detail:
            error.statusCode === 414 ? "a value in the path is too long" : "the URL could not be decoded",
          instance: redactUrl(request.url),
        }),
    bodyLimit: 50 * 1024 * 1024,
    bigintSupport: false,
    trustProxy: options.trustProxy ?? false,
  } as Parameters<typeof Fastify>[0]).withTypeProvider<ZodTypeProvider>() as unknown as App;

  await app.register(cookie);
  // Security headers on every answer. The portal is served from the same origin; Mantine and
  // Swagger UI set inline styles, nothing needs inline scripts or another origin.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // The embedded default is plain http on 127.0.0.1: upgrading requests would break it.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
  });

  // Closing (SIGTERM): the answers to requests still in flight close their connection, so a
  // keep-alive client cannot hold the server open after it has stopped listening.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (closing) reply.header("connection", "close");
    // API answers are one person's data: no browser or proxy may keep a copy.
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
    return payload;
  });
  // No text may hold a NUL or a lone surrogate (safe-text.ts): refused before validation, so
  // that no route reaches the database with one (PostgreSQL answered them with an error, a 500).
  app.addHook("preValidation", async (request) => {
    assertSafeText(request.params, "params");
    assertSafeText(request.query, "querystring");
    assertSafeText(request.body, "body");
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type("application/problem+json")
      .send(
        problemOf(
          new AppError("not-found", "http/no-route", `no route for ${request.method} ${request.url}`),
        ),
      );
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Closebook API",
        version: options.version,
        description: "Bookkeeping automation for accounting firms.",
      },
      components: {},
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get("/healthz", { schema: { hide: true } }, async () => ({
    status: "ok",
    ...(await options.health?.()),
  }));

  if (options.onApiRequest) {
    const hook = options.onApiRequest;
    app.addHook("onRequest", async (request, reply) => {
      if (isApi(request.url) && request.routeOptions.url !== undefined) await hook(request, reply);
    });
  }
  if (options.aroundApiHandler) {
    const around = options.aroundApiHandler;
    app.addHook("onRoute", (route) => {
      if (!isApi(route.url) || route.config?.public) return;
      const handler = route.handler;
      route.handler = function (this: unknown, request, reply) {
        return around(request, async () => handler.call(this as FastifyInstance, request, reply));
      };
    });
  }

  for (const register of options.routes) await register(app);
  return app;
}

function errorHandler(
  raised: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: import("fastify").FastifyReply,
) {
  const error = databaseRefusal(raised) ?? raised;
  if (error instanceof AppError) {
    const retryAfter = error.extra?.retryAfter;
    if (typeof retryAfter === "number")
      reply.header("retry-after", String(Math.max(1, Math.ceil(retryAfter))));
    return reply
      .code(error.status)
      .type("application/problem+json")
      .send(problemOf(error, redactUrl(request.url)));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const field = first
      ? [first.instancePath.replace(/^\//, "").replaceAll("/", ".")].filter(Boolean).join("")
      : undefined;
    const detail = first
      ? `${error.validationContext ?? "request"}${field ? `.${field}` : ""}: ${first.message}`
      : "invalid request";
    return reply
      .code(400)
      .type("application/problem+json")
      .send({
        ...problemOf(
          new AppError("validation", "http/invalid-request", detail, field ? { field } : {}),
          request.url,
        ),
        errors: error.validation.map((v) => ({
          field: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
          message: v.message,
        })),
      });
  }
  const fe = error as FastifyError;
  if (typeof fe.statusCode === "number" && fe.statusCode < 500) {
    return reply
      .code(fe.statusCode)
      .type("application/problem+json")
      .send({
        type: `https://closebook.dev/problems/http/${fe.code ?? "error"}`,
        title: "request",
        status: fe.statusCode,
        detail: fe.message,
      });
  }
  request.log.error({ err: error }, "unhandled error");
  return reply.code(500).type("application/problem+json").send({
    type: "https://closebook.dev/problems/internal",
    title: "internal",
    status: 500,
    detail: "an unexpected error occurred; it has been logged",
  });
}
