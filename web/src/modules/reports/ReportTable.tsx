// A statement as a table: one row per account under its section, sub-accounts indented under
// their parents, sections and parents folding open and shut, figures right-aligned, and each
// account's figure a button that opens the ledger lines behind it. Plain table elements styled
// by ReportTable.module.css: a year by month is thousands of cells, and a Mantine component per
// cell made the table take seconds to draw.
import { memo } from "react";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { formatAmount } from "../../lib/money.ts";
import { isZero, visibleRows, type ReportView, type ViewColumn, type ViewRow } from "./report-model.ts";
import css from "./ReportTable.module.css";

export interface DrillTarget {
  account: string;
  column: ViewColumn;
  amount: string;
}

function Figure({ value, column }: { value: string | null; column: ViewColumn }) {
  if (value === null) return <span className={css.dim}>—</span>;
  const text = column.kind === "percent" ? `${value}%` : formatAmount(value);
  return <span className={value.startsWith("-") ? `${css.figure} ${css.negative}` : css.figure}>{text}</span>;
}

function Toggle({ label, open, onToggle }: { label: string; open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className={css.toggle}
      aria-label={`${open ? "Collapse" : "Expand"} ${label}`}
      aria-expanded={open}
      onClick={onToggle}
    >
      {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
    </button>
  );
}

// Memoised: folding one section re-renders only the rows whose props change.
const AccountRow = memo(function AccountRow({
  row,
  columns,
  open,
  onToggle,
  onDrill,
}: {
  row: ViewRow;
  columns: ViewColumn[];
  open: boolean;
  onToggle: (key: string) => void;
  onDrill: (t: DrillTarget) => void;
}) {
  const label = row.number ? `${row.number} ${row.name}` : row.name;
  return (
    <tr>
      <td className={css.account} style={{ paddingLeft: 10 + row.depth * 18 }} title={row.account}>
        {row.hasChildren ? (
          <Toggle label={row.account} open={open} onToggle={() => onToggle(row.key)} />
        ) : (
          <span className={css.leaf} />
        )}
        {label}
      </td>
      {columns.map((c, i) => {
        const v = row.amounts[i] ?? null;
        const drillable = !row.synthetic && c.drill !== null && v !== null && !isZero(v);
        return (
          <td key={i}>
            {drillable ? (
              <button
                type="button"
                className={css.drill}
                aria-label={`${row.account}, ${c.label}: ${v}. Show the ledger lines`}
                onClick={() => onDrill({ account: row.account, column: c, amount: v })}
              >
                <Figure value={v} column={c} />
              </button>
            ) : (
              <Figure value={v} column={c} />
            )}
          </td>
        );
      })}
    </tr>
  );
});

function FigureCells({ amounts, columns }: { amounts: Array<string | null>; columns: ViewColumn[] }) {
  return (
    <>
      {columns.map((c, i) => (
        <th key={i}>
          <Figure value={amounts[i] ?? null} column={c} />
        </th>
      ))}
    </>
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
  return (
    <div className={css.wrap}>
      <table className={css.table} aria-label={title}>
        <thead>
          <tr>
            <th className={css.account}>Account</th>
            {columns.map((c, i) => (
              <th key={i}>{c.label}</th>
            ))}
          </tr>
        </thead>
        {view.sections.map((s) => {
          const open = !collapsed.has(s.key);
          return (
            <tbody key={s.key} aria-label={s.name}>
              <tr className={css.section}>
                <th className={css.account}>
                  <Toggle label={s.name} open={open} onToggle={() => onToggle(s.key)} />
                  {s.name}
                </th>
                {open ? (
                  columns.map((_, i) => <th key={i} />)
                ) : (
                  <FigureCells amounts={s.totals} columns={columns} />
                )}
              </tr>
              {open &&
                visibleRows(s.rows, collapsed).map((r) => (
                  <AccountRow
                    key={r.key}
                    row={r}
                    columns={columns}
                    open={!collapsed.has(r.key)}
                    onToggle={onToggle}
                    onDrill={onDrill}
                  />
                ))}
              {open && (
                <tr className={css.total}>
                  <th className={css.account}>Total {s.name.toLowerCase()}</th>
                  <FigureCells amounts={s.totals} columns={columns} />
                </tr>
              )}
            </tbody>
          );
        })}
        <tfoot>
          {view.bottom.map((b) => (
            <tr key={b.label} className={css.bottom}>
              <th className={css.account}>{b.label}</th>
              <FigureCells amounts={b.amounts} columns={columns} />
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
