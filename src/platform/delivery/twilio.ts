// SMS through Twilio's Messages API, as published: POST
// {api}/2010-04-01/Accounts/{AccountSid}/Messages.json with form fields To, From (or
// MessagingServiceSid for an "MG…" sender) and Body, HTTP basic auth AccountSid:AuthToken; 201 with
// the message resource on success, a JSON error { code, message, more_info, status } otherwise.
import type { SmsMessage, SmsTransport } from "./types.ts";

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string;
  apiUrl: string;
}

export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = "TwilioError";
  }
}

export function twilioTransport(settings: TwilioSettings, fetchImpl: typeof fetch = fetch): SmsTransport {
  const endpoint = new URL(
    `/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`,
    settings.apiUrl,
  );
  const auth = Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString("base64");
  return {
    async send(message: SmsMessage) {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      if (settings.from.startsWith("MG")) form.set("MessagingServiceSid", settings.from);
      else form.set("From", settings.from);
      const response = await fetchImpl(endpoint, {
        method: "POST",
        headers: {
          authorization: `Basic ${auth}`,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: form.toString(),
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status === 201 || response.status === 200) return;
      const error = (await response.json().catch(() => ({}))) as { code?: number; message?: string };
      // Twilio's message names the problem ("The 'To' number … is not a valid phone number"); it never echoes the body.
      throw new TwilioError(
        response.status,
        error.code,
        error.message ?? `Twilio answered ${response.status}`,
      );
    },
  };
}
