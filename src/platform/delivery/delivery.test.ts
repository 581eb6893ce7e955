// Delivery: e-mail over a real SMTP server on 127.0.0.1, SMS through a fake of Twilio's published
// Messages API, the outbox in trial mode, and failures that name the channel, never the content.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { startSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import { startFakeTwilio, type FakeTwilio } from "../../../test/support/fake-twilio.ts";
import { sql } from "kysely";
import { loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import {
  composeDelivery,
  createDelivery,
  firmOutbox,
  outboxFor,
  smtpTransport,
  twilioTransport,
  TwilioError,
} from "./index.ts";

let t: TestDb;
let smtp: TestSmtp;
let twilio: FakeTwilio;
const firmId = "00000000-0000-7000-8000-000000000001";

beforeAll(async () => {
  t = await testDb();
  smtp = await startSmtp();
  twilio = await startFakeTwilio();
  await sql`insert into firms (id, slug, name) values (${firmId}::uuid, 'mail-firm', 'Mail Firm')`.execute(
    t.ctx.db,
  );
});
afterAll(async () => {
  await smtp?.close();
  await twilio?.close();
  await t?.close();
});

describe("e-mail over SMTP", () => {
  it("delivers a message a mail client can read, and keeps no copy when a server is configured", async () => {
    const config = loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Closebook <robot@closebook.test>" });
    expect(config.outbox).toBe(false);
    const delivery = createDelivery(config, t.ctx.db);
    await delivery.sendEmail({
      to: "reader@example.test",
      subject: "Hello from Closebook",
      text: "Line one\nLine two\n",
      firmId,
      kind: "test",
    });
    const mail = await smtp.next();
    expect(mail).toMatchObject({
      from: "robot@closebook.test",
      to: ["reader@example.test"],
      subject: "Hello from Closebook",
    });
    expect(mail.text).toContain("Line one\nLine two");
    expect(await firmOutbox(t.ctx.db, firmId, 10)).toHaveLength(0);
    await delivery.close();
  });

  it("turns a failing mail server into a 503 problem that names the channel only", async () => {
    const delivery = composeDelivery({
      db: t.ctx.db,
      from: "x@closebook.test",
      mail: smtpTransport("smtp://127.0.0.1:1"),
      outbox: false,
    });
    const error = await delivery
      .sendEmail({ to: "a@example.test", subject: "s", text: "secret 123456", firmId, kind: "test" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).code).toBe("delivery/email-failed");
    expect((error as AppError).detail).not.toContain("123456");
    await delivery.close();
  });
});

describe("SMS through Twilio's Messages API", () => {
  const settings = () => ({
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: "+15005550006",
    apiUrl: twilio.url,
  });

  it("posts To, From and Body with basic auth, as the contract says", async () => {
    await twilioTransport(settings()).send({
      to: "+15551230001",
      body: "123456 is your code",
      firmId,
      kind: "test",
    });
    expect(twilio.messages.at(-1)).toEqual({
      To: "+15551230001",
      From: "+15005550006",
      Body: "123456 is your code",
    });
    await twilioTransport({ ...settings(), from: "MG00000000000000000000000000000002" }).send({
      to: "+15551230002",
      body: "hi",
      firmId,
      kind: "test",
    });
    expect(twilio.messages.at(-1)).toEqual({
      To: "+15551230002",
      MessagingServiceSid: "MG00000000000000000000000000000002",
      Body: "hi",
    });
  });

  it("reports Twilio's errors: bad credentials, an invalid number", async () => {
    const badAuth = await twilioTransport({ ...settings(), authToken: "wrong" })
      .send({ to: "+15551230001", body: "x", firmId, kind: "test" })
      .catch((e: unknown) => e);
    expect(badAuth).toBeInstanceOf(TwilioError);
    expect(badAuth).toMatchObject({ status: 401, code: 20003 });
    const badTo = await twilioTransport(settings())
      .send({ to: "555", body: "x", firmId, kind: "test" })
      .catch((e: unknown) => e);
    expect(badTo).toMatchObject({ status: 400, code: 21211 });
  });

  it("is used by the configured delivery; a refused text becomes a 503 problem", async () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM: "+15005550006",
      TWILIO_API_URL: twilio.url,
      SMTP_URL: smtp.url,
    });
    const delivery = createDelivery(config, t.ctx.db);
    expect(delivery.smsAvailable).toBe(true);
    await delivery.sendSms({ to: "+15551239999", body: "654321 is your code", firmId, kind: "test" });
    expect(twilio.messages.at(-1)?.To).toBe("+15551239999");
    expect(await outboxFor(t.ctx.db, ["+15551239999"], new Date(0))).toHaveLength(0);
    const refused = await delivery
      .sendSms({ to: "bad", body: "x", firmId, kind: "test" })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503, code: "delivery/sms-failed" });
    await delivery.close();
  });
});

describe("the outbox (trial mode)", () => {
  it("keeps e-mail and texts when nothing is configured, readable per firm and per recipient", async () => {
    const config = loadConfig({});
    expect(config.outbox).toBe(true);
    const delivery = createDelivery(config, t.ctx.db);
    expect(delivery.outboxEnabled).toBe(true);
    expect(delivery.smsAvailable).toBe(true);
    await delivery.sendEmail({
      to: "Trial@Example.test",
      subject: "Welcome",
      text: "Hi",
      firmId,
      kind: "identity.invitation",
    });
    await delivery.sendSms({
      to: "+15550001111",
      body: "111111 is your code",
      firmId,
      kind: "identity.2fa-code",
    });
    const firm = await firmOutbox(t.ctx.db, firmId, 10);
    expect(firm.map((m) => [m.channel, m.to, m.kind])).toEqual(
      expect.arrayContaining([
        ["email", "trial@example.test", "identity.invitation"],
        ["sms", "+15550001111", "identity.2fa-code"],
      ]),
    );
    expect(await outboxFor(t.ctx.db, ["trial@example.test"], new Date(0))).toHaveLength(1);
  });

  it("offers no SMS when neither Twilio nor the outbox is on", async () => {
    const delivery = createDelivery(loadConfig({ SMTP_URL: smtp.url }), t.ctx.db);
    expect(delivery.smsAvailable).toBe(false);
    await delivery.close();
  });
});
