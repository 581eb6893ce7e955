// How the portal names a ledger account everywhere: its number, when it has one, before its name.
export function accountLabel(number: string | null | undefined, name: string): string {
  return number ? `${number} · ${name}` : name;
}
