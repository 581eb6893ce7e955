// Shows a client's contact fields, which the API may give as a name or as {name, email}.
export function contactName(c: { name: string; email?: string | null } | string | null | undefined): string {
  if (!c) return "—";
  return typeof c === "string" ? c : c.email ? `${c.name} <${c.email}>` : c.name;
}
