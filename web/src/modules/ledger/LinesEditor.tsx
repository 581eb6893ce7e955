// Editable journal lines: account, debit, credit, memo, with running totals and the difference
// that must be zero before the entry can be posted. Amounts take the decimals the ledger keeps the
// entry's currency at (`scale`: 0 for JPY-like currencies, 2 for most, more where the books keep more).
import { ActionIcon, Button, Group, Select, Table, Text, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { Account } from "../../api/ledger.ts";
import { formatAmount, fromMinor, toMinor } from "../../lib/money.ts";
import { accountLabel } from "../../lib/accounts.ts";

export interface LineDraft {
  key: number;
  accountId: string | null;
  debit: string;
  credit: string;
  memo: string;
}

let nextKey = 1;
export const emptyLine = (): LineDraft => ({
  key: nextKey++,
  accountId: null,
  debit: "",
  credit: "",
  memo: "",
});

export interface LineTotals {
  debits: bigint;
  credits: bigint;
  /** Lines whose amount is not a number with at most `scale` decimals. */
  invalid: number[];
}

export function totalsOf(lines: LineDraft[], scale = 2): LineTotals {
  let debits = 0n;
  let credits = 0n;
  const invalid: number[] = [];
  lines.forEach((l, i) => {
    const d = l.debit.trim() ? toMinor(l.debit, scale) : 0n;
    const c = l.credit.trim() ? toMinor(l.credit, scale) : 0n;
    if (d === null || c === null || d < 0n || c < 0n) invalid.push(i);
    else {
      debits += d;
      credits += c;
    }
  });
  return { debits, credits, invalid };
}

export function LinesEditor({
  lines,
  onChange,
  accounts,
  scale = 2,
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  accounts: Account[];
  /** Decimals of the entry's currency, as the ledger keeps it. */
  scale?: number;
}) {
  const options = accounts
    .filter((a) => a.isActive)
    .map((a) => ({ value: a.id, label: accountLabel(a.number, a.fullName) }));
  const set = (i: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const totals = totalsOf(lines, scale);
  const tooPrecise = scale === 0 ? "No decimals in this currency" : `At most ${scale} decimals`;
  const difference = totals.debits - totals.credits;

  return (
    <>
      <Table verticalSpacing={4} fz="sm" aria-label="Lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="38%">Account</Table.Th>
            <Table.Th ta="right" w="15%">
              Debit
            </Table.Th>
            <Table.Th ta="right" w="15%">
              Credit
            </Table.Th>
            <Table.Th>Memo</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => (
            <Table.Tr key={l.key}>
              <Table.Td>
                <Select
                  aria-label={`Line ${i + 1} account`}
                  placeholder="Choose an account"
                  searchable
                  data={options}
                  value={l.accountId}
                  onChange={(v) => set(i, { accountId: v })}
                  size="xs"
                  nothingFoundMessage="No such account"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Line ${i + 1} debit`}
                  size="xs"
                  inputMode="decimal"
                  value={l.debit}
                  error={totals.invalid.includes(i) && l.debit.trim() !== "" ? tooPrecise : undefined}
                  onChange={(e) =>
                    set(i, {
                      debit: e.currentTarget.value,
                      credit: e.currentTarget.value.trim() ? "" : l.credit,
                    })
                  }
                  styles={{
                    input: { textAlign: "right", fontFamily: "var(--mantine-font-family-monospace)" },
                  }}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Line ${i + 1} credit`}
                  size="xs"
                  inputMode="decimal"
                  value={l.credit}
                  error={totals.invalid.includes(i) && l.credit.trim() !== "" ? tooPrecise : undefined}
                  onChange={(e) =>
                    set(i, {
                      credit: e.currentTarget.value,
                      debit: e.currentTarget.value.trim() ? "" : l.debit,
                    })
                  }
                  styles={{
                    input: { textAlign: "right", fontFamily: "var(--mantine-font-family-monospace)" },
                  }}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Line ${i + 1} memo`}
                  size="xs"
                  value={l.memo}
                  onChange={(e) => set(i, { memo: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove line ${i + 1}`}
                  disabled={lines.length <= 2}
                  onClick={() => onChange(lines.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td>
              <Button
                type="button"
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => onChange([...lines, emptyLine()])}
              >
                Add line
              </Button>
            </Table.Td>
            <Table.Td ta="right" ff="monospace" fw={600} aria-label="Total debits">
              {formatAmount(fromMinor(totals.debits, scale))}
            </Table.Td>
            <Table.Td ta="right" ff="monospace" fw={600} aria-label="Total credits">
              {formatAmount(fromMinor(totals.credits, scale))}
            </Table.Td>
            <Table.Td colSpan={2}>
              <Group gap={6}>
                {difference === 0n ? (
                  <Text size="sm" c="teal.8" fw={500} role="status">
                    Balanced
                  </Text>
                ) : (
                  <Text size="sm" c="red.8" fw={500} role="status">
                    Out of balance by{" "}
                    {formatAmount(fromMinor(difference < 0n ? -difference : difference, scale))}
                  </Text>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </>
  );
}
