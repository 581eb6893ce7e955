// Split a transaction over several accounts, by amounts (which must total the transaction) or by
// percentages (which must total 100); the running total says what is left before anything is sent.
// Amounts take the decimals the ledger keeps the transaction's currency at (its `scale`).
import { useState } from "react";
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { transactionsApi, type Transaction } from "../../api/transactions.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { Amount } from "../../components/Amount.tsx";
import { fromMinor, toMinor } from "../../lib/money.ts";
import type { Option } from "./lookups.ts";

interface Part {
  accountId: string | null;
  value: string;
  memo: string;
}

export function SplitDialog({
  client,
  t,
  accounts,
  opened,
  onClose,
  onDone,
}: {
  client: string;
  t: Transaction;
  accounts: Option[];
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [by, setBy] = useState<"amount" | "percent">("amount");
  const magnitude = t.amount.replace(/^-/, "");
  const [parts, setParts] = useState<Part[]>([
    { accountId: t.coding.accountId, value: magnitude, memo: "" },
    { accountId: null, value: "", memo: "" },
  ]);
  const split = useMutation({
    mutationFn: () =>
      transactionsApi.split(client, t.id, {
        by,
        parts: parts.map((p) => ({
          accountId: p.accountId ?? "",
          ...(by === "amount" ? { amount: p.value.replace(/,/g, "") } : { percent: p.value }),
          memo: p.memo || null,
        })),
      }),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  // Amounts are typed with the decimals the client's ledger keeps the currency at (t.scale: none
  // for JPY-like currencies, 3 or 4 where the books keep them); percentages with up to 4.
  const scale = by === "amount" ? t.scale : 4;
  const target = by === "amount" ? (toMinor(magnitude, t.scale) ?? 0n) : 1_000_000n;
  const invalid = parts.map((p) => p.value.trim() !== "" && toMinor(p.value, scale) === null);
  const sum = parts.reduce((s, p) => s + (toMinor(p.value, scale) ?? 0n), 0n);
  const left = target - sum;
  const set = (i: number, patch: Partial<Part>) =>
    setParts(parts.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Modal opened={opened} onClose={onClose} title={`Split ${t.description}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          split.mutate();
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <SegmentedControl
              size="xs"
              aria-label="Split by"
              value={by}
              onChange={(v) => setBy(v as typeof by)}
              data={[
                { value: "amount", label: "By amount" },
                { value: "percent", label: "By percent" },
              ]}
            />
            <Text size="sm">
              Transaction <Amount value={t.amount} />
            </Text>
          </Group>
          <ProblemAlert error={split.error} />
          {parts.map((p, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
              <Select
                label={`Part ${i + 1} account`}
                searchable
                data={accounts}
                value={p.accountId}
                onChange={(v) => set(i, { accountId: v })}
                style={{ flex: 2 }}
                size="xs"
              />
              <TextInput
                label={`Part ${i + 1} ${by === "amount" ? "amount" : "percent"}`}
                value={p.value}
                onChange={(e) => set(i, { value: e.currentTarget.value })}
                error={
                  invalid[i]
                    ? by === "amount"
                      ? scale === 0
                        ? `${t.currency} takes no decimals`
                        : `At most ${scale} decimals`
                      : "At most 4 decimals"
                    : undefined
                }
                inputMode="decimal"
                size="xs"
                w={110}
                rightSection={by === "percent" ? "%" : undefined}
              />
              <TextInput
                label={`Part ${i + 1} memo`}
                value={p.memo}
                onChange={(e) => set(i, { memo: e.currentTarget.value })}
                size="xs"
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove part ${i + 1}`}
                disabled={parts.length <= 2}
                onClick={() => setParts(parts.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button
              type="button"
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setParts([...parts, { accountId: null, value: "", memo: "" }])}
            >
              Add a part
            </Button>
            <Text size="sm" role="status" c={left === 0n ? "teal.7" : "red.7"}>
              {left === 0n
                ? "Parts total the transaction"
                : by === "amount"
                  ? `Left to split: ${fromMinor(left, t.scale)}`
                  : `Left to split: ${fromMinor(left, 4)}%`}
            </Text>
          </Group>
          <Group justify="flex-end">
            <Button type="button" variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={split.isPending} disabled={invalid.some(Boolean)}>
              Split
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
