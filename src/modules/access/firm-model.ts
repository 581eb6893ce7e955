// Pure rules of a firm's details and branding: which images are accepted as logo and favicon
// (recognised by their bytes, not by what the upload claims) and the firm's contact fields.
import { validationError } from "../../platform/errors.ts";

export const MAX_ASSET_BYTES = 512 * 1024;
export const ASSET_KINDS = ["logo", "favicon"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);

/** The image type of `bytes`, or an error naming what is accepted. */
export function sniffImage(bytes: Uint8Array, field = "file"): string {
  if (bytes.length === 0) throw validationError("access/empty-file", "the file is empty", { field });
  if (bytes.length > MAX_ASSET_BYTES)
    throw validationError("access/file-too-large", `the image is larger than ${MAX_ASSET_BYTES / 1024} KB`, {
      field,
    });
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return "image/x-icon";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(
    bytes.subarray(0, Math.min(bytes.length, MAX_ASSET_BYTES)),
  );
  if (/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) {
    // An image has no business running code: refuse scripts, event handlers and foreign objects.
    if (/<script|\son[a-z]+\s*=|javascript:|<foreignObject/i.test(head)) {
      throw validationError(
        "access/unsafe-svg",
        "this SVG contains scripts or event handlers; export it again as a plain image",
        { field },
      );
    }
    return "image/svg+xml";
  }
  throw validationError("access/unsupported-image", "use a PNG, JPEG, WebP, ICO or SVG image", { field });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface FirmDetailsInput {
  name?: string | undefined;
  legalName?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  website?: string | null | undefined;
  supportEmail?: string | null | undefined;
  licencesPaid?: number | undefined;
}

function text(value: string | null | undefined, field: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const t = value.trim();
  if (t.length > max) throw validationError("access/too-long", `at most ${max} characters`, { field });
  return t || null;
}

export function checkFirmDetails(input: FirmDetailsInput): {
  name?: string;
  legal_name?: string | null;
  address?: string | null;
  phone?: string | null;
  website?: string | null;
  support_email?: string | null;
  licences_paid?: number;
} {
  const out: ReturnType<typeof checkFirmDetails> = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200)
      throw validationError("access/invalid-name", "a name must have 1 to 200 characters", { field: "name" });
    out.name = name;
  }
  const legal = text(input.legalName, "legalName", 200);
  if (legal !== undefined) out.legal_name = legal;
  const address = text(input.address, "address", 1000);
  if (address !== undefined) out.address = address;
  const phone = text(input.phone, "phone", 50);
  if (phone !== undefined) out.phone = phone;
  const website = text(input.website, "website", 300);
  if (website !== undefined) {
    if (website !== null && !/^https?:\/\/[^\s]+$/i.test(website))
      throw validationError("access/invalid-url", "the website is an http(s) address", { field: "website" });
    out.website = website;
  }
  const email = text(input.supportEmail, "supportEmail", 320);
  if (email !== undefined) {
    if (email !== null && !EMAIL.test(email))
      throw validationError("access/invalid-email", `"${email}" is not an e-mail address`, {
        field: "supportEmail",
      });
    out.support_email = email?.toLowerCase() ?? null;
  }
  if (input.licencesPaid !== undefined) {
    if (!Number.isInteger(input.licencesPaid) || input.licencesPaid < 0 || input.licencesPaid > 100_000) {
      throw validationError(
        "access/invalid-licences",
        "the number of paid licences is a whole number from 0 to 100000",
        { field: "licencesPaid" },
      );
    }
    out.licences_paid = input.licencesPaid;
  }
  return out;
}

/** A brand colour as stored (#rrggbb, lower case), null to remove it, or an error on `field`. */
export function checkBrandColor(value: string | null, field = "color"): string | null {
  if (value === null) return null;
  const t = value.trim().toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(t))
    throw validationError(
      "access/invalid-color",
      `"${value}" is not a colour: write it as #rrggbb, e.g. #1f3a5f`,
      {
        field,
      },
    );
  return t;
}
