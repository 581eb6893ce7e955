// Authenticator apps (TOTP, RFC 6238: 6 digits, 30-second steps, SHA-1) through otplib 13. A code
// is accepted one step either side of now (clock drift), and only in a step later than the last
// accepted one, so a code can never be used twice.
import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUrl(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

/** The QR code of the otpauth URL, as an SVG document the portal shows inline. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** The time step the code belongs to when it is valid at `now` and later than `afterStep`; else null. */
export async function acceptTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: bigint | null,
): Promise<bigint | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: Number(afterStep) } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && "timeStep" in result ? BigInt(result.timeStep) : null;
}

/** The code an authenticator app shows at `at` (tests and the demo's command line). */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
