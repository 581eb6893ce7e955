// The Smart Connect totals: cash available, credit used and net cash, one row per currency.
import { Card, SimpleGrid, Text } from "@mantine/core";
import type { Totals } from "../../api/banking.ts";
import { formatAmount } from "../../lib/money.ts";

export function TotalsCards({ totals }: { totals: Totals[] }) {
  if (totals.length === 0) return null;
  return (
    <>
      {totals.map((t) => (
        <SimpleGrid
          key={t.currency}
          cols={{ base: 1, sm: 3 }}
          spacing="md"
          mb="md"
          aria-label={`Totals in ${t.currency}`}
          role="group"
        >
          {(
            [
              ["Cash available", t.cashAvailable, "Sum of the bank account balances"],
              ["Credit used", t.creditUsed, "What is owed on the cards"],
              ["Net cash", t.netCash, "Cash available minus credit used"],
            ] as const
          ).map(([label, value, hint]) => (
            <Card key={label} withBorder radius="md" padding="md" aria-label={label}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {label}
              </Text>
              <Text
                fz={24}
                fw={600}
                mt={4}
                ff="monospace"
                c={value.startsWith("-") ? "red.8" : undefined}
                style={{ fontVariantNumeric: "tabular-nums" }}
              >
                {formatAmount(value)}{" "}
                <Text span c="dimmed" fz="sm" ff="inherit">
                  {t.currency}
                </Text>
              </Text>
              <Text size="xs" c="dimmed" mt={2}>
                {hint}
                {t.accountsWithoutBalance > 0 && label !== "Credit used"
                  ? ` · ${t.accountsWithoutBalance} account${t.accountsWithoutBalance === 1 ? "" : "s"} without a balance yet`
                  : ""}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      ))}
    </>
  );
}
