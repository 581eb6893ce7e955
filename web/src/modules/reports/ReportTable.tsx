// A statement as a table: one row per account under its section, sub-accounts indented under
// their parents, sections and parents folding open and shut, figures right-aligned, and each
// account's figure a button that opens the ledger lines behind it.
import { ActionIcon, Paper, Table, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Amount } from "../../components/Amount.tsx";
import { isZero, visibleRows, type ReportView, type ViewColumn, type ViewRow } from "./report-model.ts";

/** The account column stays in view while wide reports scroll sideways. */
const STICKY = {
  position: "sticky",
  left: 0,
  zIndex: 1,
  background: "var(--mantine-color-body)",
  whiteSpace: "nowrap",
} as const;

export interface DrillTarget {
  account: string;
  column: ViewColumn;
  amount: string;
}

function Cell({ value, column, strong }: { value: string | null; column: ViewColumn; strong?: boolean }) {
  if (value === null)
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  if (column.kind === "percent")
    return (
      <Text
        span
        size="sm"
        ff="monospace"
        fw={strong ? 600 : undefined}
        c={value.startsWith("-") ? "red.8" : undefined}
      >
        {value}%
      </Text>
    );
  return <Amount value={value} strong={strong ?? false} />;
}

function Toggle({ label, open, onToggle }: { label: string; open: boolean; onToggle: () => void }) {
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="xs"
      aria-label={`${open ? "Collapse" : "Expand"} ${label}`}
      aria-expanded={open}
      onClick={onToggle}
      mr={4}
    >
      {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
    </ActionIcon>
  );
}

function AccountRow({
  row,
  columns,
  open,
  onToggle,
  onDrill,
}: {
  row: ViewRow;
  columns: ViewColumn[];
  open: boolean;
  onToggle: () => void;
  onDrill: (t: DrillTarget) => void;
}) {
  const label = row.number ? `${row.number} ${row.name}` : row.name;
  return (
    <Table.Tr>
      <Table.Td style={{ ...STICKY, paddingLeft: 12 + row.depth * 18 }} title={row.account}>
        {row.hasChildren ? <Toggle label={row.account} open={open} onToggle={onToggle} /> : null}
        <Text span size="sm" pl={row.hasChildren ? 0 : 26}>
          {label}
        </Text>
      </Table.Td>
      {columns.map((c, i) => {
        const v = row.amounts[i] ?? null;
        const drillable = !row.synthetic && c.drill !== null && v !== null && !isZero(v);
        return (
          <Table.Td key={i} ta="right">
            {drillable ? (
              <UnstyledButton
                aria-label={`${row.account}, ${c.label}: ${v}. Show the ledger lines`}
                onClick={() => onDrill({ account: row.account, column: c, amount: v })}
                style={{ textDecoration: "underline dotted", textUnderlineOffset: 3 }}
              >
                <Cell value={v} column={c} strong={!open && row.hasChildren} />
              </UnstyledButton>
            ) : (
              <Cell value={v} column={c} />
            )}
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
}

export function ReportTable({
  title,
  view,
  collapsed,
  onToggle,
  onDrill,
}: {
  title: string;
  view: ReportView;
  collapsed: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onDrill: (t: DrillTarget) => void;
}) {
  const { columns } = view;
  const ruled = { borderTop: "1px solid var(--mantine-color-gray-5)" };
  return (
    <Paper withBorder radius="md" style={{ overflowX: "auto" }}>
      <Table verticalSpacing={4} fz="sm" aria-label={title} highlightOnHover stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={260} style={STICKY}>
              Account
            </Table.Th>
            {columns.map((c, i) => (
              <Table.Th key={i} ta="right" style={{ whiteSpace: "nowrap" }}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {view.sections.map((s) => {
          const open = !collapsed.has(s.key);
          return (
            <Table.Tbody key={s.key} aria-label={s.name}>
              <Table.Tr bg="var(--mantine-color-gray-0)">
                <Table.Th style={{ ...STICKY, background: "var(--mantine-color-gray-0)" }}>
                  <Toggle label={s.name} open={open} onToggle={() => onToggle(s.key)} />
                  {s.name}
                </Table.Th>
                {columns.map((c, i) => (
                  <Table.Th key={i} ta="right">
                    {open ? null : <Cell value={s.totals[i] ?? null} column={c} strong />}
                  </Table.Th>
                ))}
              </Table.Tr>
              {open &&
                visibleRows(s.rows, collapsed).map((r) => (
                  <AccountRow
                    key={r.key}
                    row={r}
                    columns={columns}
                    open={!collapsed.has(r.key)}
                    onToggle={() => onToggle(r.key)}
                    onDrill={onDrill}
                  />
                ))}
              {open && (
                <Table.Tr>
                  <Table.Th style={{ ...STICKY, ...ruled }}>Total {s.name.toLowerCase()}</Table.Th>
                  {columns.map((c, i) => (
                    <Table.Th key={i} ta="right" style={ruled}>
                      <Cell value={s.totals[i] ?? null} column={c} strong />
                    </Table.Th>
                  ))}
                </Table.Tr>
              )}
            </Table.Tbody>
          );
        })}
        <Table.Tfoot>
          {view.bottom.map((b) => (
            <Table.Tr key={b.label} style={{ borderTop: "2px solid var(--mantine-color-gray-6)" }}>
              <Table.Th style={STICKY}>{b.label}</Table.Th>
              {columns.map((c, i) => (
                <Table.Th key={i} ta="right">
                  <Cell value={b.amounts[i] ?? null} column={c} strong />
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Tfoot>
      </Table>
    </Paper>
  );
}
