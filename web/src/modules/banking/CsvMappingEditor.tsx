// The import wizard's column mapping for CSV files: the file's first rows as a grid, and which
// column holds the date, the amount (or money out and money in), the text, … — every change is
// previewed at once by the server, with the same parser the import uses.
import {
  Badge,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Table,
  Text,
} from "@mantine/core";
import type { CsvColumns, CsvGrid, CsvMapping } from "../../api/banking.ts";

type Role = keyof CsvColumns;

const ROLE_LABELS: Partial<Record<Role, string>> = {
  date: "Date",
  amount: "Amount",
  debit: "Money out",
  credit: "Money in",
  indicator: "Debit/credit",
  description: "Description",
  payee: "Payee",
  reference: "Reference",
  id: "Bank id",
  balance: "Balance",
};

const OPTIONAL: Role[] = ["description", "payee", "reference", "id", "balance"];

/** A mapping to start from when the parser could not work one out (the grid is all there is). */
export function blankMapping(grid: CsvGrid): CsvMapping {
  return {
    version: 1,
    delimiter: ",",
    header: grid.columns.every((c) => /^Column \d+$/.test(c)) ? null : grid.columns,
    skipRecords: 0,
    columns: {
      date: 0,
      amount: grid.columns.length > 1 ? grid.columns.length - 1 : null,
      debit: null,
      credit: null,
      indicator: null,
      description: grid.columns.length > 2 ? 1 : null,
      payee: null,
      reference: null,
      id: null,
      balance: null,
      currency: null,
      account: null,
    },
    dateOrder: "YMD",
    decimalSeparator: ".",
    sign: "signed",
  };
}

export function CsvMappingEditor({
  grid,
  mapping,
  onChange,
}: {
  grid: CsvGrid;
  mapping: CsvMapping;
  onChange: (m: CsvMapping) => void;
}) {
  const options = grid.columns.map((c, i) => ({ value: String(i), label: `${i + 1}. ${c}` }));
  const none = { value: "", label: "— none —" };
  const setColumn = (role: Role, value: string | null) =>
    onChange({
      ...mapping,
      columns: {
        ...mapping.columns,
        [role]: value === null || value === "" ? null : Number(value),
      } as CsvColumns,
    });
  const split = mapping.sign === "debit-credit";
  const roleOf = (i: number) =>
    (Object.entries(mapping.columns) as Array<[Role, number | null]>)
      .filter(([, col]) => col === i)
      .map(([role]) => ROLE_LABELS[role])
      .filter(Boolean);
  const select = (role: Role, required = false) => (
    <Select
      key={role}
      label={ROLE_LABELS[role]}
      size="xs"
      required={required}
      allowDeselect={!required}
      value={mapping.columns[role] === null ? "" : String(mapping.columns[role])}
      onChange={(v) => setColumn(role, v)}
      data={required ? options : [none, ...options]}
      aria-label={`${ROLE_LABELS[role]} column`}
    />
  );
  return (
    <Paper withBorder radius="md" p="md" aria-label="Column mapping">
      <Text fw={600} mb="xs">
        Columns
      </Text>
      <Group gap="md" mb="sm" align="flex-end">
        <SegmentedControl
          size="xs"
          aria-label="How amounts are written"
          value={split ? "split" : "one"}
          onChange={(v) =>
            onChange(
              v === "split"
                ? {
                    ...mapping,
                    sign: "debit-credit",
                    columns: {
                      ...mapping.columns,
                      debit: mapping.columns.debit ?? mapping.columns.amount,
                      credit: mapping.columns.credit,
                      amount: null,
                      indicator: null,
                    },
                  }
                : {
                    ...mapping,
                    sign: "signed",
                    columns: {
                      ...mapping.columns,
                      amount: mapping.columns.amount ?? mapping.columns.debit,
                      debit: null,
                      credit: null,
                    },
                  },
            )
          }
          data={[
            { value: "one", label: "One amount column" },
            { value: "split", label: "Money out / money in columns" },
          ]}
        />
        {!split && (
          <SegmentedControl
            size="xs"
            aria-label="Sign of money out"
            value={
              mapping.sign === "inverted" ? "inverted" : mapping.sign === "indicator" ? "indicator" : "signed"
            }
            onChange={(v) => onChange({ ...mapping, sign: v as CsvMapping["sign"] })}
            data={[
              { value: "signed", label: "Money out is negative" },
              { value: "inverted", label: "Money out is positive" },
              { value: "indicator", label: "A debit/credit column says" },
            ]}
          />
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" mb="sm">
        {select("date", true)}
        {split ? [select("debit", true), select("credit", true)] : select("amount", true)}
        {!split && mapping.sign === "indicator" && select("indicator", true)}
        {OPTIONAL.map((r) => select(r))}
        <Select
          label="Date order"
          size="xs"
          allowDeselect={false}
          value={mapping.dateOrder}
          onChange={(v) => onChange({ ...mapping, dateOrder: (v ?? "YMD") as CsvMapping["dateOrder"] })}
          data={[
            { value: "YMD", label: "Year-month-day" },
            { value: "MDY", label: "Month/day/year" },
            { value: "DMY", label: "Day/month/year" },
          ]}
        />
        <Select
          label="Decimal mark"
          size="xs"
          allowDeselect={false}
          value={mapping.decimalSeparator}
          onChange={(v) =>
            onChange({ ...mapping, decimalSeparator: (v ?? ".") as CsvMapping["decimalSeparator"] })
          }
          data={[
            { value: ".", label: "Point (1,234.56)" },
            { value: ",", label: "Comma (1.234,56)" },
          ]}
        />
      </SimpleGrid>
      <ScrollArea>
        <Table fz="xs" withTableBorder withColumnBorders aria-label="File rows" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              {grid.columns.map((c, i) => (
                <Table.Th key={i}>
                  <div>{c}</div>
                  {roleOf(i).map((r) => (
                    <Badge key={r} size="xs" variant="light" mt={2} mr={2} tt="none">
                      {r}
                    </Badge>
                  ))}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grid.rows.slice(0, 6).map((row, r) => (
              <Table.Tr key={r}>
                {grid.columns.map((_, i) => (
                  <Table.Td key={i} style={{ whiteSpace: "nowrap" }}>
                    {row[i] ?? ""}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
