// Runtime configuration, read once from the environment. Every setting has a safe default so that
// `closebook serve` runs on a laptop with nothing configured (embedded PGlite under .data/).
import path from "node:path";
import { z } from "zod";
import type { S3Settings } from "./storage/s3-store.ts";

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  CLOSEBOOK_DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CLOSEBOOK_BASE_URL: z.string().url().optional(),
  // Secrets at rest (TOTP secrets, SSO client secrets) and code hashes: 32 bytes, base64.
  CLOSEBOOK_SECRET_KEY: z.string().optional(),
  // The Password Manager's master key (wraps each client's data key): 32 bytes, base64.
  VAULT_MASTER_KEY: z.string().optional(),
  CLOSEBOOK_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  CLOSEBOOK_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  CLOSEBOOK_COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  // Outgoing mail: smtp://user:pass@host:587 (smtps:// for TLS on connect). Without it, mail goes to the outbox.
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Closebook <no-reply@closebook.local>"),
  // SMS: Twilio's Messages API when configured; otherwise texts go to the outbox.
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_API_URL: z.string().url().default("https://api.twilio.com"),
  // The outbox keeps outgoing messages for Partner Admins to read: on by default while no mail server is set.
  CLOSEBOOK_OUTBOX: z.enum(["auto", "on", "off"]).default("auto"),
  // Proxies in front of Closebook whose X-Forwarded-For to trust (the client address feeds throttling).
  CLOSEBOOK_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Stored documents: an S3-compatible bucket when S3_BUCKET is set, else <data dir>/blobs.
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(["auto", "true", "false"]).default("auto"),
  S3_PREFIX: z.string().max(200).optional(),
  // Uploads: the largest file, the kinds of file accepted (comma list; all known kinds by default),
  // and the limits of a folder sent as a zip archive (entries, bytes once unpacked, compression ratio).
  CLOSEBOOK_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(100),
  CLOSEBOOK_UPLOAD_TYPES: z.string().optional(),
  CLOSEBOOK_ZIP_MAX_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(1000),
  CLOSEBOOK_ZIP_MAX_MB: z.coerce.number().int().min(1).max(1_000_000).default(1024),
  CLOSEBOOK_ZIP_MAX_RATIO: z.coerce.number().int().min(2).max(10_000).default(100),
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
  secretKey: string | undefined;
  /** The vault's master key (base64); when absent, `vault.key` in the data dir. */
  vaultMasterKey: string | undefined;
  session: { idleMinutes: number; maxHours: number };
  /** Whether cookies carry `Secure` (browsers accept it on https and on loopback http). */
  cookieSecure: boolean;
  mail: { smtpUrl: string | undefined; from: string };
  sms: { twilio: { accountSid: string; authToken: string; from: string; apiUrl: string } | undefined };
  /** Outgoing messages are kept in the outbox (trial mode when no mail server is configured). */
  outbox: boolean;
  /** How many proxies' X-Forwarded-For to trust; 0: use the socket's address. */
  trustProxy: number;
  /** Where documents are stored: S3 when configured, else local disk under the data folder. */
  storage: { s3: S3Settings | undefined };
  uploads: UploadLimits;
}

export interface UploadLimits {
  maxBytes: number;
  /** Kinds of file accepted (see documents' content types); undefined: every kind it knows. */
  types: string[] | undefined;
  zip: { maxEntries: number; maxBytes: number; maxRatio: number };
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 100 * 1024 * 1024,
  types: undefined,
  zip: { maxEntries: 1000, maxBytes: 1024 * 1024 * 1024, maxRatio: 100 },
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid configuration: ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  const baseUrl = e.CLOSEBOOK_BASE_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`;
  const twilio =
    e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM
      ? {
          accountSid: e.TWILIO_ACCOUNT_SID,
          authToken: e.TWILIO_AUTH_TOKEN,
          from: e.TWILIO_FROM,
          apiUrl: e.TWILIO_API_URL,
        }
      : undefined;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CLOSEBOOK_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    baseUrl,
    secretKey: e.CLOSEBOOK_SECRET_KEY,
    vaultMasterKey: e.VAULT_MASTER_KEY,
    session: { idleMinutes: e.CLOSEBOOK_SESSION_IDLE_MINUTES, maxHours: e.CLOSEBOOK_SESSION_MAX_HOURS },
    cookieSecure:
      e.CLOSEBOOK_COOKIE_SECURE === "auto" ? secureByDefault(baseUrl) : e.CLOSEBOOK_COOKIE_SECURE === "true",
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    sms: { twilio },
    outbox: e.CLOSEBOOK_OUTBOX === "auto" ? !e.SMTP_URL : e.CLOSEBOOK_OUTBOX === "on",
    trustProxy: e.CLOSEBOOK_TRUST_PROXY,
    storage: {
      s3: e.S3_BUCKET
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle:
              e.S3_FORCE_PATH_STYLE === "auto" ? Boolean(e.S3_ENDPOINT) : e.S3_FORCE_PATH_STYLE === "true",
            prefix: e.S3_PREFIX,
          }
        : undefined,
    },
    uploads: {
      maxBytes: e.CLOSEBOOK_UPLOAD_MAX_MB * 1024 * 1024,
      types: e.CLOSEBOOK_UPLOAD_TYPES?.split(",")
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
      zip: {
        maxEntries: e.CLOSEBOOK_ZIP_MAX_ENTRIES,
        maxBytes: e.CLOSEBOOK_ZIP_MAX_MB * 1024 * 1024,
        maxRatio: e.CLOSEBOOK_ZIP_MAX_RATIO,
      },
    },
  };
}

/** https, or plain http on the loopback interface (which browsers treat as a secure context). */
function secureByDefault(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/** Where the embedded database keeps its files. */
export function pgliteDir(config: Config): string {
  return path.join(config.dataDir, "pglite");
}
