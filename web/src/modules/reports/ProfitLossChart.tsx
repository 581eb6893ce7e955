// Income and expenses as bars and net income as a line, per month of the profit and loss. Drawn
// as plain SVG from the report already loaded: no chart library, nothing fetched.
import { Group, Paper, Text } from "@mantine/core";
import { formatAmount } from "../../lib/money.ts";
import { chartTicks, type ChartPoint } from "./report-model.ts";

const W = 920;
const H = 260;
const PAD = { left: 76, right: 12, top: 12, bottom: 36 };
const COLORS = { income: "#12b886", expenses: "#fd7e14", net: "#1c7ed6" };

const money = (n: number) => formatAmount(n.toFixed(0));

function Legend() {
  const item = (color: string, label: string) => (
    <Group gap={6} key={label}>
      <span style={{ width: 12, height: 12, background: color, borderRadius: 2, display: "inline-block" }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="md" justify="flex-end">
      {item(COLORS.income, "Income")}
      {item(COLORS.expenses, "Expenses")}
      {item(COLORS.net, "Net income")}
    </Group>
  );
}

export function ProfitLossChart({ points }: { points: ChartPoint[] }) {
  if (points.length === 0) return null;
  const values = points.flatMap((p) => [p.income, p.expenses, p.net, 0]);
  const { min, max, ticks } = chartTicks(Math.min(...values), Math.max(...values));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((max - v) / (max - min || 1)) * plotH;
  const slot = plotW / points.length;
  const bar = Math.min(28, slot / 3);
  const cx = (i: number) => PAD.left + slot * i + slot / 2;
  const rect = (v: number, x: number, color: string, label: string) => (
    <rect x={x} y={Math.min(y(v), y(0))} width={bar} height={Math.abs(y(v) - y(0))} fill={color} rx={2}>
      <title>{label}</title>
    </rect>
  );
  const net = points.map((p, i) => `${cx(i)},${y(p.net)}`).join(" ");

  return (
    <Paper withBorder radius="md" p="sm" mb="md">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          Income, expenses and net income
        </Text>
        <Legend />
      </Group>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label="Profit and loss chart: income, expenses and net income by month"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(t)}
              y2={y(t)}
              stroke={t === 0 ? "#868e96" : "#e9ecef"}
            />
            <text x={PAD.left - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fill="#495057">
              {money(t)}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={p.label}>
            {rect(p.income, cx(i) - bar - 1, COLORS.income, `${p.label} income: ${money(p.income)}`)}
            {rect(p.expenses, cx(i) + 1, COLORS.expenses, `${p.label} expenses: ${money(p.expenses)}`)}
            <text x={cx(i)} y={H - PAD.bottom + 16} fontSize={11} textAnchor="middle" fill="#495057">
              {p.label}
            </text>
          </g>
        ))}
        <polyline points={net} fill="none" stroke={COLORS.net} strokeWidth={2} />
        {points.map((p, i) => (
          <circle key={p.label} cx={cx(i)} cy={y(p.net)} r={3.5} fill={COLORS.net}>
            <title>{`${p.label} net income: ${money(p.net)}`}</title>
          </circle>
        ))}
      </svg>
    </Paper>
  );
}
