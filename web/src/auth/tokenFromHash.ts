// E-mailed links carry their token in the URL fragment (#token=…), which browsers never send
// to a server; this reads it.
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token");
}
