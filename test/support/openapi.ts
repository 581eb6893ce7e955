// Walks the server's own OpenAPI document: every operation, its schemas past `$ref`s and nullable
// unions, and a small valid example for any schema. The route fuzz test and the cross-tenant sweep
// both call every operation this way, so a route is covered by both as soon as it is added.
import type { App } from "../../src/platform/http.ts";

export type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minItems?: number;
  minimum?: number;
  maxLength?: number;
  const?: unknown;
};

export interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One operation: a path template ("/api/clients/{client}") and a lower-case method. */
export interface OperationEntry {
  path: string;
  method: string;
  op: Operation;
}

/** How a test fills in what the schema leaves open. */
export interface ExampleChoices {
  /** The value of a string, by its schema and property or parameter name. */
  text(s: Schema, name: string): unknown;
  /**
   * A value of the test's own for a property, required or not (`example` makes its schema's), or
   * undefined for the default: an example when it is required, nothing when it is optional.
   */
  property?(key: string, example: () => unknown): unknown;
  /** Whether an array with no minimum length still gets one item. */
  oneItem?(name: string): boolean;
}

export async function openApiDocument(app: App): Promise<OpenApiDocument> {
  return (await app.inject("/api/openapi.json")).json() as OpenApiDocument;
}

export function operations(doc: OpenApiDocument): OperationEntry[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );
}

export function resolveSchema(doc: OpenApiDocument, s: Schema | undefined): Schema | undefined {
  if (!s?.$ref) return s;
  return doc.components?.schemas?.[s.$ref.split("/").at(-1)!];
}

/** The schema's own type, past nullable unions ("enum" for an enum or a constant). */
export function kindOf(
  doc: OpenApiDocument,
  input: Schema | undefined,
): { s: Schema | undefined; type: string | undefined } {
  let s = resolveSchema(doc, input);
  const variants = s?.anyOf ?? s?.oneOf;
  if (variants)
    s = resolveSchema(doc, variants.find((v) => resolveSchema(doc, v)?.type !== "null") ?? variants[0]);
  const type = Array.isArray(s?.type) ? s.type.find((x) => x !== "null") : s?.type;
  return { s, type: s?.enum || s?.const !== undefined ? "enum" : type };
}

/** A small valid value for a schema: its required properties, and what `choices` adds. */
export function exampleOf(
  doc: OpenApiDocument,
  choices: ExampleChoices,
  input: Schema | undefined,
  name = "",
): unknown {
  const { s, type } = kindOf(doc, input);
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const example = (schema: Schema | undefined, key: string) => exampleOf(doc, choices, schema, key);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((p) => example(p, name) as object));
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        const own = choices.property?.(key, () => example(prop, key));
        if (own !== undefined) out[key] = own;
        else if (s.required?.includes(key)) out[key] = example(prop, key);
      }
      return out;
    }
    case "array":
      return (s.minItems ?? 0) > 0 || choices.oneItem?.(name) ? [example(s.items, name)] : [];
    case "integer":
    case "number":
      return typeof s.minimum === "number" ? s.minimum : 1;
    case "boolean":
      return false;
    case "string":
      return choices.text(s, name);
    default:
      return undefined;
  }
}
