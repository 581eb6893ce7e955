// A fake of Twilio's Messages API on 127.0.0.1, following its published contract: POST
// /2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP basic auth with the account SID and auth
// token, form fields To, From or MessagingServiceSid, Body; 201 with the message resource, or a
// JSON error { code, message, more_info, status } (20003 authentication, 21211 invalid To, 21602 no Body).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  messages: Array<{ To: string; From?: string; MessagingServiceSid?: string; Body: string }>;
  close(): Promise<void>;
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = "AC00000000000000000000000000000001";
  const authToken = "fake-auth-token";
  const messages: FakeTwilio["messages"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const reply = (status: number, body: object) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, code: number, message: string) =>
        reply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match) return error(404, 20404, "The requested resource was not found");
      const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
      if (req.headers.authorization !== expected || match[1] !== accountSid)
        return error(401, 20003, "Authenticate");
      if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded"))
        return error(400, 20001, "Unsupported content type");
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const to = form.get("To") ?? "";
      if (!/^\+[1-9]\d{6,14}$/.test(to))
        return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (!form.get("Body")) return error(400, 21602, "Message body is required.");
      if (!form.get("From") && !form.get("MessagingServiceSid"))
        return error(400, 21603, "A 'From' phone number is required.");
      const message = {
        To: to,
        Body: form.get("Body")!,
        ...(form.get("From") ? { From: form.get("From")! } : {}),
        ...(form.get("MessagingServiceSid") ? { MessagingServiceSid: form.get("MessagingServiceSid")! } : {}),
      };
      messages.push(message);
      reply(201, {
        sid: `SM${String(messages.length).padStart(32, "0")}`,
        account_sid: accountSid,
        to,
        from: message.From ?? null,
        messaging_service_sid: message.MessagingServiceSid ?? null,
        body: message.Body,
        status: "queued",
        num_segments: "1",
        direction: "outbound-api",
        api_version: "2010-04-01",
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/SM.json`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
