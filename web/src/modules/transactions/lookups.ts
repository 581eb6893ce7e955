// What the Transaction Manager's pages look names up in: the client's accounts, contacts, classes
// and the people who may be assigned work, loaded once per page and shared through the query cache.
import { useQuery } from "@tanstack/react-query";
import { ledgerApi } from "../../api/ledger.ts";
import { transactionsApi } from "../../api/transactions.ts";
import { usersApi } from "../../api/users.ts";
import { accountLabel } from "../../lib/accounts.ts";

export interface Option {
  value: string;
  label: string;
}

export function useAccounts(client: string) {
  const q = useQuery({
    queryKey: ["accounts", client, true],
    queryFn: () => ledgerApi.accounts(client, true),
    staleTime: 60_000,
  });
  const all = q.data ?? [];
  const byId = new Map(all.map((a) => [a.id, a]));
  const options: Option[] = all
    .filter((a) => a.isActive)
    .map((a) => ({ value: a.id, label: accountLabel(a.number, a.fullName) }));
  return {
    byId,
    options,
    name: (id: string | null | undefined) => {
      if (!id) return "";
      const account = byId.get(id);
      return account ? accountLabel(account.number, account.fullName) : "Unknown account";
    },
  };
}

export function useContacts(client: string) {
  const q = useQuery({
    queryKey: ["contacts", client],
    queryFn: () => ledgerApi.contacts(client),
    staleTime: 60_000,
  });
  const options: Option[] = (q.data ?? [])
    .filter((c) => c.isActive)
    .map((c) => ({ value: c.id, label: c.name }));
  return { options, byId: new Map((q.data ?? []).map((c) => [c.id, c])) };
}

export function useClasses(client: string) {
  const q = useQuery({
    queryKey: ["dimensions", client],
    queryFn: () => transactionsApi.dimensions(client),
    staleTime: 60_000,
  });
  const classes = (q.data ?? []).filter((d) => d.isActive && d.kind === "class");
  return {
    options: classes.map((d) => ({ value: d.id, label: d.name })),
    byId: new Map((q.data ?? []).map((d) => [d.id, d])),
  };
}

/** People of the firm (for assignees); empty when this server has no user list to give. */
export function useUsers() {
  const q = useQuery({
    queryKey: ["users", "active"],
    queryFn: () => usersApi.list({ status: "active" }),
    staleTime: 60_000,
    retry: false,
  });
  const users = q.data?.users ?? [];
  return {
    options: users.map((u) => ({ value: u.id, label: u.name || u.email })),
    name: (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? "Someone") : ""),
  };
}
