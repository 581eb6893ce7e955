// A real SMTP server on 127.0.0.1 that keeps every message it receives, so browser tests can
// open the links and read the codes that Closebook e-mails.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailbox {
  /** smtp://127.0.0.1:PORT, for Closebook's SMTP_URL. */
  url: string;
  messages: Mail[];
  /** Waits for a message to `to` (after `since` messages) that matches. */
  waitFor(
    to: string,
    match?: (m: Mail) => boolean,
    options?: { since?: number; timeoutMs?: number },
  ): Promise<Mail>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const messages: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
            a.value.map((v) => (v.address ?? "").toLowerCase()),
          );
          messages.push({ to, subject: parsed.subject ?? "", text: parsed.text ?? "" });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(to, match = () => true, { since = 0, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.slice(since).find((m) => m.to.includes(to.toLowerCase()) && match(m));
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `no e-mail to ${to} within ${timeoutMs} ms (got ${messages.length}: ${messages.map((m) => `${m.to.join(",")}: ${m.subject}`).join("; ")})`,
          );
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first 6-digit code in a message. */
export function codeIn(mail: Mail): string {
  const m = /\b(\d{6})\b/.exec(mail.text);
  if (!m) throw new Error(`no code in "${mail.subject}"`);
  return m[1]!;
}

/** The first portal link in a message (invitation, password reset). */
export function linkIn(mail: Mail, path: string): string {
  const m = new RegExp(`https?://\\S+${path.replace(/\//g, "\\/")}\\S*`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in "${mail.subject}"`);
  return m[0];
}
