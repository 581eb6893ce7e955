// "Create rule from this": the rule the correction makes (same payee, same direction → this
// coding), optionally applied at once to the transactions still waiting for review.
import { useState } from "react";
import { Button, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { transactionsApi, type Rule, type ApplyResult, type Transaction } from "../../api/transactions.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export function RuleFromDialog({
  client,
  t,
  accountName,
  opened,
  onClose,
  onDone,
}: {
  client: string;
  t: Transaction;
  accountName: string;
  opened: boolean;
  onClose: () => void;
  onDone: (r: { rule: Rule; applied: ApplyResult | null }) => void;
}) {
  const [apply, setApply] = useState(true);
  const make = useMutation({
    mutationFn: () => transactionsApi.ruleFrom(client, t.id, apply),
    onSuccess: (r) => {
      onDone(r);
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Create a rule from this transaction">
      <Stack gap="sm">
        <Text size="sm">
          Lines from the same payee as <b>{t.description}</b>, with money going{" "}
          {t.amount.startsWith("-") ? "out" : "in"}, will be coded to{" "}
          <b>{t.coding.split ? "the same split" : accountName}</b>
          {t.coding.payee ? ` with the payee ${t.coding.payee}` : ""}. Rules always win over the bot's other
          predictions; you can edit it on the Rules page.
        </Text>
        <ProblemAlert error={make.error} />
        <Checkbox
          label="Also apply it to the transactions waiting for review"
          checked={apply}
          onChange={(e) => setApply(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={make.isPending} onClick={() => make.mutate()}>
            Create rule
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
