// Editing a draft journal entry (posted entries are never edited: they are reversed).
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@mantine/core";
import { ledgerApi } from "../../api/ledger.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { EntryForm } from "./EntryForm.tsx";

export function EditDraftPage({ client, id }: { client: string; id: string }) {
  const entry = useQuery({ queryKey: ["entry", client, id], queryFn: () => ledgerApi.entry(client, id) });
  return (
    <>
      <PageHeader title="Edit draft entry" help="ledger#drafts" />
      <QueryState query={entry}>
        {(e) =>
          e.status === "draft" ? (
            <EntryForm client={client} draft={e} />
          ) : (
            <Alert color="yellow">This entry is posted; posted entries are reversed, never edited.</Alert>
          )
        }
      </QueryState>
    </>
  );
}
