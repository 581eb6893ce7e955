// The client details fields (legal name, DBA, industry, accounting system, cadence, close day,
// service start date); only those the server stores are shown.
import { Select, SimpleGrid, TextInput, Textarea } from "@mantine/core";

export const DETAIL_FIELDS: Array<{
  key: string;
  label: string;
  kind: "text" | "date" | "number" | "select";
  options?: Array<{ value: string; label: string }>;
}> = [
  { key: "legalName", label: "Legal name", kind: "text" },
  { key: "dba", label: "Doing business as (DBA)", kind: "text" },
  { key: "industry", label: "Industry", kind: "text" },
  {
    key: "accountingSystem",
    label: "Accounting system",
    kind: "select",
    options: [
      { value: "closebook", label: "Closebook ledger" },
      { value: "quickbooks_online", label: "QuickBooks Online" },
      { value: "xero", label: "Xero" },
      { value: "other", label: "Other" },
    ],
  },
  {
    key: "bookkeepingCadence",
    label: "Bookkeeping cadence",
    kind: "select",
    options: [
      { value: "monthly", label: "Monthly" },
      { value: "weekly", label: "Weekly" },
      { value: "daily", label: "Daily" },
      { value: "quarterly", label: "Quarterly" },
    ],
  },
  { key: "closeDay", label: "Close day of the month", kind: "number" },
  { key: "serviceStartDate", label: "Service start date", kind: "date" },
  { key: "homeCurrency", label: "Home currency", kind: "text" },
];

/** The firm's internal notes on a client: partner users only, never shown to the client. */
export const NOTES_FIELD = "notes";

// Contacts are objects in the API ({ name, email, phone }); the form edits them as two fields each.
export const CONTACT_FIELDS = [
  { key: "pointOfContact", label: "Point of contact" },
  { key: "bankStatementContact", label: "Bank-statement contact" },
] as const;

export function ClientDetailsFields({
  values,
  onChange,
  accepted,
  showNotes = true,
}: {
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
  accepted: Set<string> | undefined;
  showNotes?: boolean;
}) {
  const fields = DETAIL_FIELDS.filter((f) => accepted?.has(f.key));
  const contacts = CONTACT_FIELDS.filter((f) => accepted?.has(f.key));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {contacts.flatMap((c) => [
        <TextInput
          key={`${c.key}.name`}
          label={`${c.label}: name`}
          value={values[`${c.key}.name`] ?? ""}
          onChange={(e) => onChange(`${c.key}.name`, e.currentTarget.value)}
        />,
        <TextInput
          key={`${c.key}.email`}
          label={`${c.label}: e-mail`}
          type="email"
          value={values[`${c.key}.email`] ?? ""}
          onChange={(e) => onChange(`${c.key}.email`, e.currentTarget.value)}
        />,
      ])}
      {accepted?.has(NOTES_FIELD) && showNotes && (
        <Textarea
          key="notes"
          label="Internal notes"
          description="Only your firm sees these, never the client."
          value={values[NOTES_FIELD] ?? ""}
          onChange={(e) => onChange(NOTES_FIELD, e.currentTarget.value)}
          autosize
          minRows={2}
          style={{ gridColumn: "1 / -1" }}
        />
      )}
      {fields.map((f) =>
        f.kind === "select" ? (
          <Select
            key={f.key}
            label={f.label}
            data={f.options ?? []}
            value={values[f.key] || null}
            onChange={(v) => onChange(f.key, v ?? "")}
            clearable
          />
        ) : (
          <TextInput
            key={f.key}
            label={f.label}
            type={f.kind === "date" ? "date" : f.kind === "number" ? "number" : "text"}
            value={values[f.key] ?? ""}
            onChange={(e) => onChange(f.key, e.currentTarget.value)}
          />
        ),
      )}
    </SimpleGrid>
  );
}

/** The form's strings as the API wants them (numbers as numbers, blanks left out). */
export function detailsPayload(
  values: Record<string, string>,
  accepted: Set<string> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of DETAIL_FIELDS) {
    const v = values[f.key]?.trim();
    if (!v || !accepted?.has(f.key)) continue;
    out[f.key] = f.kind === "number" ? Number(v) : v;
  }
  const notes = values[NOTES_FIELD]?.trim();
  if (notes && accepted?.has(NOTES_FIELD)) out[NOTES_FIELD] = notes;
  for (const c of CONTACT_FIELDS) {
    const name = values[`${c.key}.name`]?.trim();
    if (!name || !accepted?.has(c.key)) continue;
    out[c.key] = { name, email: values[`${c.key}.email`]?.trim() || null, phone: null };
  }
  return out;
}
