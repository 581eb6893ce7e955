// Runtime configuration, read once from the environment. Every setting has a safe default so that
// `closebook serve` runs on a laptop with nothing configured (embedded PGlite under .data/).
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  CLOSEBOOK_DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CLOSEBOOK_BASE_URL: z.string().url().optional(),
});

export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Where embedded data lives (PGlite files, uploads). */
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  baseUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid configuration: ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CLOSEBOOK_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    baseUrl: e.CLOSEBOOK_BASE_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`,
  };
}

/** Where the embedded database keeps its files. */
export function pgliteDir(config: Config): string {
  return path.join(config.dataDir, "pglite");
}
