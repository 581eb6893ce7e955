// A new journal entry (saved as a draft or posted at once).
import { PageHeader } from "../../components/PageHeader.tsx";
import { EntryForm } from "./EntryForm.tsx";

export function NewEntryPage({ client }: { client: string }) {
  return (
    <>
      <PageHeader title="New journal entry" help="ledger#creating-an-entry" />
      <EntryForm client={client} />
    </>
  );
}
