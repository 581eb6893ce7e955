// Composes the delivery the configuration asks for: SMTP and Twilio when configured, the outbox
// otherwise (and also alongside them when CLOSEBOOK_OUTBOX=on). Delivery failures become a 503
// problem that names the channel, never the content.
import type { Config } from "../config.ts";
import type { Executor } from "../db.ts";
import { unavailable } from "../errors.ts";
import { keepEmail, keepSms } from "./outbox.ts";
import { smtpTransport } from "./smtp.ts";
import { twilioTransport } from "./twilio.ts";
import type { Delivery, EmailMessage, MailTransport, SmsMessage, SmsTransport } from "./types.ts";

export type { Delivery, EmailMessage, SmsMessage, MailTransport, SmsTransport } from "./types.ts";
export { firmOutbox, outboxFor, type OutboxMessage } from "./outbox.ts";
export { smtpTransport } from "./smtp.ts";
export { twilioTransport, TwilioError } from "./twilio.ts";

export interface DeliveryParts {
  db: Executor;
  from: string;
  mail?: MailTransport | undefined;
  sms?: SmsTransport | undefined;
  outbox: boolean;
}

export function composeDelivery(parts: DeliveryParts): Delivery {
  const keep = parts.outbox || !parts.mail;
  const keepTexts = parts.outbox || !parts.sms;
  return {
    outboxEnabled: parts.outbox,
    smsAvailable: Boolean(parts.sms) || parts.outbox,
    async sendEmail(message: EmailMessage) {
      if (keep) await keepEmail(parts.db, message);
      if (!parts.mail) return;
      try {
        await parts.mail.send(message, parts.from);
      } catch {
        throw unavailable(
          "delivery/email-failed",
          "the e-mail could not be sent; try again in a moment or ask your administrator to check the mail settings",
        );
      }
    },
    async sendSms(message: SmsMessage) {
      if (keepTexts) await keepSms(parts.db, message);
      if (!parts.sms) return;
      try {
        await parts.sms.send(message);
      } catch {
        throw unavailable(
          "delivery/sms-failed",
          "the text message could not be sent; try again in a moment or use another method",
        );
      }
    },
    async close() {
      await parts.mail?.close();
    },
  };
}

export function createDelivery(config: Config, db: Executor): Delivery {
  return composeDelivery({
    db,
    from: config.mail.from,
    mail: config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : undefined,
    sms: config.sms.twilio ? twilioTransport(config.sms.twilio) : undefined,
    outbox: config.outbox,
  });
}
