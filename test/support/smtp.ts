// A real SMTP server on 127.0.0.1 (smtp-server) that parses what it receives (mailparser), so
// tests read the e-mails Closebook sends as a mail client would.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Header values by lowercased name, as written (unfolded). */
  headers: Record<string, string>;
  /** The files it carries, with their bytes. */
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  next(): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiting: Array<(m: ReceivedMail) => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            from: parsed.from?.value[0]?.address ?? "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            headers: Object.fromEntries(
              parsed.headerLines.map((h) => [
                h.key.toLowerCase(),
                h.line
                  .slice(h.line.indexOf(":") + 1)
                  .replace(/\r?\n(?=[ \t])/g, "")
                  .trim(),
              ]),
            ),
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? "",
              contentType: a.contentType,
              content: a.content,
            })),
          };
          received.push(mail);
          waiting.shift()?.(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  let taken = 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next: () =>
      received.length > taken
        ? Promise.resolve(received[taken++]!)
        : new Promise((resolve) => waiting.push((m) => (taken++, resolve(m)))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
