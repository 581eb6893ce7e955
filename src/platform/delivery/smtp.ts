// E-mail over SMTP with nodemailer (pooled connections). SMTP_URL is smtp://user:pass@host:port,
// or smtps:// for TLS from the first byte; plain smtp upgrades with STARTTLS when the server offers it.
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import type { EmailMessage, MailTransport } from "./types.ts";

export function smtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const transporter: Transporter = nodemailer.createTransport({
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    // Never let nodemailer log message bodies: they carry codes and links.
    logger: false,
    debug: false,
  });
  return {
    async send(message: EmailMessage, from: string) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
        ...(message.messageId ? { messageId: message.messageId } : {}),
        ...(message.attachments ? { attachments: [...message.attachments] } : {}),
      });
    },
    async close() {
      transporter.close();
    },
  };
}
