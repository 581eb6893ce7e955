// The HTTP server: Fastify with zod-validated routes, an OpenAPI document at /api/openapi.json,
// its browsable form at /api/docs (served locally, no CDN), /healthz, and one error shape:
// application/problem+json. Modules add their routes through `RouteModule`s given by the app.
import Fastify from "fastify";
import type { FastifyInstance, FastifyRequest, FastifyError } from "fastify";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { AppError, problemOf } from "./errors.ts";

export type App = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  import("fastify").FastifyBaseLogger,
  ZodTypeProvider
>;

/** A module's HTTP face: a function that adds its routes to the server. */
export type RouteModule = (app: App) => Promise<void> | void;

export interface ServerOptions {
  logLevel?: string;
  version: string;
  routes: RouteModule[];
  /** Runs before every /api route handler; used to resolve the actor (authentication). */
  onApiRequest?: (request: FastifyRequest) => Promise<void>;
  health?: () => Promise<Record<string, unknown>>;
}

export async function buildServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    logger:
      options.logLevel === "silent" || !options.logLevel
        ? false
        : {
            level: options.logLevel,
            // Never log what could carry a secret.
            redact: ["req.headers.authorization", "req.headers.cookie", "res.headers['set-cookie']"],
          },
    bodyLimit: 50 * 1024 * 1024,
    bigintSupport: false,
  } as Parameters<typeof Fastify>[0]).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type("application/problem+json")
      .send(problemOf(new AppError("not-found", "http/no-route", `no route for ${request.method} ${request.url}`)));
  });

  await app.register(swagger, {
    openapi: {
      info: { title: "Closebook API", version: options.version, description: "Bookkeeping automation for accounting firms." },
      components: {},
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok", ...(await options.health?.()) }));

  if (options.onApiRequest) {
    const hook = options.onApiRequest;
    app.addHook("preHandler", async (request) => {
      if (request.url.startsWith("/api/") && !request.url.startsWith("/api/docs") && request.url !== "/api/openapi.json") {
        await hook(request);
      }
    });
  }

  for (const register of options.routes) await register(app);
  return app;
}

function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: import("fastify").FastifyReply) {
  if (error instanceof AppError) {
    return reply.code(error.status).type("application/problem+json").send(problemOf(error, request.url));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const field = first ? [first.instancePath.replace(/^\//, "").replaceAll("/", ".")].filter(Boolean).join("") : undefined;
    const detail = first ? `${error.validationContext ?? "request"}${field ? `.${field}` : ""}: ${first.message}` : "invalid request";
    return reply
      .code(400)
      .type("application/problem+json")
      .send({
        ...problemOf(new AppError("validation", "http/invalid-request", detail, field ? { field } : {}), request.url),
        errors: error.validation.map((v) => ({ field: v.instancePath.replace(/^\//, "").replaceAll("/", "."), message: v.message })),
      });
  }
  const fe = error as FastifyError;
  if (typeof fe.statusCode === "number" && fe.statusCode < 500) {
    return reply
      .code(fe.statusCode)
      .type("application/problem+json")
      .send({ type: `https://closebook.dev/problems/http/${fe.code ?? "error"}`, title: "request", status: fe.statusCode, detail: fe.message });
  }
  request.log.error({ err: error }, "unhandled error");
  return reply
    .code(500)
    .type("application/problem+json")
    .send({ type: "https://closebook.dev/problems/internal", title: "internal", status: 500, detail: "an unexpected error occurred; it has been logged" });
}
