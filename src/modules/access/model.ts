// Pure rules of tenancy: valid slugs, and which clients an actor may see.
import { validationError } from "../../platform/errors.ts";
import type { Actor } from "../../platform/actor.ts";

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function checkSlug(slug: string, field = "slug"): string {
  if (!SLUG.test(slug)) {
    throw validationError(
      "access/invalid-slug",
      `"${slug}" is not a valid slug: use 1–63 lowercase letters, digits and dashes, starting with a letter or digit`,
      { field },
    );
  }
  return slug;
}

/** Turns a display name into a slug ("Acme Coffee, LLC" → "acme-coffee-llc"). */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return slug || "client";
}

export function checkName(name: string, field = "name"): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) {
    throw validationError("access/invalid-name", "a name must have 1 to 200 characters", { field });
  }
  return trimmed;
}

export function actorSeesClient(actor: Actor, client: { id: string; firm_id: string }): boolean {
  if (client.firm_id !== actor.firmId) return false;
  return actor.clients === "all" || actor.clients.includes(client.id);
}
