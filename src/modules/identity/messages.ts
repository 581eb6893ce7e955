// The words of identity's e-mails and texts. Codes and links appear only in the message body,
// never in the subject (which mail logs and notification previews show).
import type { EmailMessage, SmsMessage } from "../../platform/delivery/index.ts";
import { CODE_MINUTES, INVITATION_DAYS, PASSWORD_RESET_MINUTES } from "./model.ts";

type To = { email: string; firmId: string };

export function codeEmail(to: To, code: string, firmName: string): EmailMessage {
  return {
    to: to.email,
    firmId: to.firmId,
    kind: "identity.2fa-code",
    subject: `Your ${firmName} sign-in code`,
    text: `Your Closebook sign-in code is ${code}\n\nIt works once, for ${CODE_MINUTES} minutes. If you did not try to sign in, change your password and tell your firm's administrator.\n`,
  };
}

export function codeSms(to: { phone: string; firmId: string }, code: string): SmsMessage {
  return {
    to: to.phone,
    firmId: to.firmId,
    kind: "identity.2fa-code",
    body: `${code} is your Closebook sign-in code. It works once, for ${CODE_MINUTES} minutes.`,
  };
}

export function invitationEmail(to: To, link: string, firmName: string, inviter: string): EmailMessage {
  return {
    to: to.email,
    firmId: to.firmId,
    kind: "identity.invitation",
    subject: `${inviter} invited you to ${firmName} on Closebook`,
    text: `${inviter} invited you to work with ${firmName} on Closebook.\n\nAccept the invitation and choose your password here (the link works for ${INVITATION_DAYS} days):\n${link}\n\nYou will then set up two-factor authentication: an authenticator app, or codes by e-mail or text message.\n`,
  };
}

export function passwordResetEmail(to: To, link: string): EmailMessage {
  return {
    to: to.email,
    firmId: to.firmId,
    kind: "identity.password-reset",
    subject: "Reset your Closebook password",
    text: `Someone asked to reset the password of your Closebook account. To choose a new password, open this link (it works once, for ${PASSWORD_RESET_MINUTES} minutes):\n${link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n`,
  };
}

export function noticeEmail(to: To, kind: string, subject: string, text: string): EmailMessage {
  return {
    to: to.email,
    firmId: to.firmId,
    kind,
    subject,
    text: `${text}\n\nIf this was not you, tell your firm's administrator at once.\n`,
  };
}

export const notices = {
  passwordChanged: (to: To) =>
    noticeEmail(
      to,
      "identity.password-changed",
      "Your Closebook password was changed",
      "The password of your Closebook account was just changed, and your other sessions were signed out.",
    ),
  twoFactorReset: (to: To, by: string) =>
    noticeEmail(
      to,
      "identity.2fa-reset",
      "Your two-factor authentication was reset",
      `${by} reset the two-factor authentication of your Closebook account. The next time you sign in, you will set it up again.`,
    ),
  twoFactorChanged: (to: To, method: string) =>
    noticeEmail(
      to,
      "identity.2fa-changed",
      "Your two-factor method was changed",
      `Your Closebook account now asks for a code from: ${method}. Your old recovery codes no longer work.`,
    ),
  recoveryCodeUsed: (to: To, left: number) =>
    noticeEmail(
      to,
      "identity.recovery-code-used",
      "A recovery code was used",
      `A recovery code was just used to sign in to your Closebook account. ${left} recovery code${left === 1 ? "" : "s"} left.`,
    ),
};

export const METHOD_LABEL = {
  totp: "an authenticator app",
  email: "e-mail",
  sms: "text message (SMS)",
} as const;
