// The pickers above a statement: which report, which period (or as-of date), the columns and the
// comparison. Each change is a new address, so the page makes one request for it.
import { Group, SegmentedControl, Select, TextInput } from "@mantine/core";
import { PERIOD_PRESETS, type PeriodPreset } from "./period-model.ts";
import {
  COLUMN_LAYOUTS,
  COMPARISONS,
  REPORTS,
  comparable,
  type ColumnLayout,
  type Comparison,
  type Selection,
} from "./report-params.ts";
import type { ReportKind } from "../../api/reports.ts";

export function ReportControls({
  selection: s,
  onChange,
}: {
  selection: Selection;
  onChange: (next: Selection) => void;
}) {
  const set = (patch: Partial<Selection>) => onChange({ ...s, ...patch });
  const balance = s.report === "balance-sheet";
  const layouts = COLUMN_LAYOUTS.filter(
    (l) => s.report === "profit-loss" || l.value === "total" || l.value === "month",
  ).map((l) => (balance ? { ...l, label: l.value === "month" ? "Each month end" : "As of date only" } : l));
  const date = (label: string, value: string, patch: (v: string) => Partial<Selection>) => (
    <TextInput
      type="date"
      label={label}
      size="xs"
      value={value}
      onChange={(e) => set(patch(e.currentTarget.value))}
    />
  );

  return (
    <Group align="flex-end" gap="sm" mb="md">
      <SegmentedControl
        aria-label="Report"
        size="xs"
        value={s.report}
        onChange={(v) => {
          const report = v as ReportKind;
          const columns = report !== "profit-loss" && s.columns !== "month" ? "total" : s.columns;
          set({ report, columns });
        }}
        data={REPORTS}
      />
      <Select
        label={balance ? "As of the end of" : "Period"}
        size="xs"
        w={150}
        allowDeselect={false}
        value={s.period}
        onChange={(v) => v && set({ period: v as PeriodPreset })}
        data={PERIOD_PRESETS.map((p) => ({ value: p.value, label: p.label }))}
      />
      {s.period === "custom" &&
        (!balance || s.columns === "month") &&
        date("From", s.custom.from, (v) => ({ custom: { ...s.custom, from: v } }))}
      {s.period === "custom" &&
        date(balance ? "As of" : "To", s.custom.to, (v) => ({ custom: { ...s.custom, to: v } }))}
      <Select
        label="Columns"
        size="xs"
        w={160}
        allowDeselect={false}
        value={s.columns}
        onChange={(v) => v && set({ columns: v as ColumnLayout })}
        data={layouts}
      />
      <Select
        label="Compare with"
        size="xs"
        w={210}
        allowDeselect={false}
        disabled={!comparable(s)}
        value={comparable(s) ? s.compare : "none"}
        onChange={(v) => v && set({ compare: v as Comparison })}
        data={COMPARISONS.map((c) => ({ value: c.value, label: c.label }))}
      />
    </Group>
  );
}
