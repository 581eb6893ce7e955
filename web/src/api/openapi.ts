// Reads the server's OpenAPI document to learn which optional fields an endpoint accepts, so a
// form shows the fields this server version stores (modules add them over time).
import { useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }
    >
  >;
}

export function useBodyFields(method: string, path: string): Set<string> | undefined {
  const doc = useQuery({
    queryKey: ["openapi"],
    queryFn: () => api.get<OpenApiDoc>("/api/openapi.json"),
    staleTime: Infinity,
  });
  if (!doc.data) return undefined;
  const schema =
    doc.data.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.["application/json"]?.schema;
  return new Set(Object.keys(schema?.properties ?? {}));
}

export function useHasPath(path: string, method = "get"): boolean | undefined {
  const doc = useQuery({
    queryKey: ["openapi"],
    queryFn: () => api.get<OpenApiDoc>("/api/openapi.json"),
    staleTime: Infinity,
  });
  return doc.data ? Boolean(doc.data.paths[path]?.[method]) : undefined;
}
