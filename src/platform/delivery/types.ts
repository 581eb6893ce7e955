// Outgoing messages (e-mail and SMS) behind one interface, so that services say what to send and
// the configuration decides how: SMTP, an SMS provider, and/or the outbox kept in the database.

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra header lines, e.g. List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** The firm the message belongs to (the outbox shows it to that firm's Partner Admins). */
  firmId: string | null;
  /** What the message is, e.g. "identity.2fa-code"; shown in the outbox, never the secret it carries. */
  kind: string;
  /** The Message-ID to send it with (e.g. "<uuid@closebook>"), when the sender records it. */
  messageId?: string;
  /** Files sent with it (a report package's PDF); the outbox keeps only the text. */
  attachments?: ReadonlyArray<{ filename: string; content: Buffer; contentType: string }>;
}

export interface SmsMessage {
  /** E.164 number, e.g. +15551234567. */
  to: string;
  body: string;
  firmId: string | null;
  kind: string;
}

export interface MailTransport {
  send(message: EmailMessage, from: string): Promise<void>;
  close(): Promise<void>;
}

export interface SmsTransport {
  send(message: SmsMessage): Promise<void>;
}

export interface Delivery {
  sendEmail(message: EmailMessage): Promise<void>;
  sendSms(message: SmsMessage): Promise<void>;
  /** Messages are kept in the outbox (trial mode): Partner Admins can read them in the portal. */
  readonly outboxEnabled: boolean;
  /** Texts can be sent (an SMS provider is configured, or the outbox keeps them). */
  readonly smsAvailable: boolean;
  close(): Promise<void>;
}
