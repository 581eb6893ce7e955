// An amount as accountants read it: tabular digits, thousands separators, negatives in red.
import { Text } from "@mantine/core";
import { formatAmount } from "../lib/money.ts";

export function Amount({
  value,
  blankZero = false,
  strong = false,
  size = "sm",
}: {
  value: string | null | undefined;
  blankZero?: boolean;
  strong?: boolean;
  size?: string;
}) {
  if (value === null || value === undefined || value === "" || (blankZero && /^-?0*\.?0*$/.test(value)))
    return null;
  const negative = value.startsWith("-");
  return (
    <Text
      component="span"
      inherit
      ff="monospace"
      fz={size}
      fw={strong ? 600 : undefined}
      c={negative ? "red.8" : undefined}
      style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
    >
      {formatAmount(value)}
    </Text>
  );
}
