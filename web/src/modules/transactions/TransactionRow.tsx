// One transaction in the Transaction Manager's table: inline edit of account and payee, the
// confidence mark and explanation, and the row's actions (mark reviewed, split, create a rule).
import { useEffect, useRef, useState } from "react";
import {
  ActionIcon,
  Badge,
  Checkbox,
  Group,
  Menu,
  Select,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconCheck, IconDots, IconMessage, IconPaperclip } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { transactionsApi, type Edit, type Transaction } from "../../api/transactions.ts";
import { Amount } from "../../components/Amount.tsx";
import { formatDate } from "../../lib/dates.ts";
import { ConfidenceMark } from "./ConfidenceMark.tsx";
import { ExplanationPopover } from "./ExplanationPopover.tsx";
import type { Option } from "./lookups.ts";
import { RuleFromDialog } from "./RuleFromDialog.tsx";
import { SplitDialog } from "./SplitDialog.tsx";
import { DocumentDrawer } from "../documents/DocumentDrawer.tsx";
import { CommentsDrawer } from "../comms/CommentsDrawer.tsx";

export interface RowProps {
  client: string;
  t: Transaction;
  accounts: Option[];
  accountName: (id: string | null) => string;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onChanged: () => void;
  onError: (error: unknown) => void;
  onMessage: (text: string) => void;
  /** The row a link names (?transaction=…): highlighted, scrolled to, its comments opened. */
  linked?: boolean;
  /** Called when the linked row's comments are closed. */
  onLinkDone?: () => void;
}

const STATUS_LABEL: Record<Transaction["status"], { label: string; color: string }> = {
  needs_review: { label: "Needs review", color: "orange" },
  processed: { label: "Processed", color: "teal" },
  held: { label: "Held", color: "red" },
  excluded: { label: "Excluded", color: "gray" },
};

export function TransactionRow({
  client,
  t,
  accounts,
  accountName,
  selected,
  onSelect,
  onChanged,
  onError,
  onMessage,
  linked = false,
  onLinkDone,
}: RowProps) {
  const [payee, setPayee] = useState(t.coding.payee ?? "");
  const [splitOpen, setSplitOpen] = useState(false);
  const [ruleOpen, setRuleOpen] = useState(false);
  // The attached document (a receipt) shown in the documents drawer.
  const [attachmentOpen, setAttachmentOpen] = useState<string | null>(null);
  const attachment = t.attachments?.[0]?.documentId ?? null;
  const [commentsOpen, setCommentsOpen] = useState(linked);
  const [wasLinked, setWasLinked] = useState(linked);
  // A link naming this row while it is already shown opens its comments too.
  if (linked !== wasLinked) {
    setWasLinked(linked);
    if (linked) setCommentsOpen(true);
  }
  const rowRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (linked) rowRef.current?.scrollIntoView({ block: "center" });
  }, [linked]);
  const edit = useMutation({
    mutationFn: (e: Edit) => transactionsApi.edit(client, t.id, e),
    onSuccess: onChanged,
    onError,
  });
  const review = useMutation({
    mutationFn: () => transactionsApi.review(client, t.id),
    onSuccess: onChanged,
    onError,
  });
  const status = STATUS_LABEL[t.status];
  const label = t.description;
  return (
    <Table.Tr
      ref={rowRef}
      aria-label={label}
      data-linked={linked || undefined}
      bg={
        linked
          ? "var(--mantine-color-yellow-light)"
          : selected
            ? "var(--mantine-color-blue-light)"
            : undefined
      }
    >
      <Table.Td>
        <Checkbox
          aria-label={`Select ${label}`}
          checked={selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(t.date)}</Table.Td>
      <Table.Td miw={240}>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Text size="sm" lineClamp={2} title={t.description}>
            {t.description}
          </Text>
          {t.hasAttachment && attachment && (
            <Tooltip label="Open the attached receipt" withArrow>
              <ActionIcon
                size="sm"
                variant="subtle"
                aria-label={`Attachment of ${label}`}
                onClick={() => setAttachmentOpen(attachment)}
              >
                <IconPaperclip size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {attachmentOpen && (
          <DocumentDrawer client={client} id={attachmentOpen} onClose={() => setAttachmentOpen(null)} />
        )}
        {t.material && (
          <Badge size="xs" variant="light" color="grape" tt="none">
            Material
          </Badge>
        )}
      </Table.Td>
      <Table.Td miw={160}>
        <TextInput
          size="xs"
          aria-label={`Payee of ${label}`}
          value={payee}
          placeholder="Payee"
          onChange={(e) => setPayee(e.currentTarget.value)}
          onBlur={() => {
            if (payee.trim() !== (t.coding.payee ?? "")) edit.mutate({ payee: payee.trim() || null });
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") e.currentTarget.blur();
          }}
        />
      </Table.Td>
      <Table.Td miw={220}>
        {t.linkedEntry === "payroll" ? (
          // Booked by the payroll entry of JE Automation: nothing to code here.
          <Text size="sm" c="dimmed">
            Payroll entry (JE Automation)
          </Text>
        ) : t.coding.split ? (
          <Tooltip
            label={t.coding.split.map((p) => `${accountName(p.accountId)}: ${p.amount}`).join(" · ")}
            withArrow
            multiline
            w={320}
          >
            <Text size="sm" c="dimmed">
              Split over {t.coding.split.length} accounts
            </Text>
          </Tooltip>
        ) : (
          <Select
            size="xs"
            searchable
            aria-label={`Account of ${label}`}
            placeholder="Choose an account"
            data={accounts}
            value={t.coding.accountId}
            onChange={(v) => v && v !== t.coding.accountId && edit.mutate({ accountId: v })}
            disabled={edit.isPending}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Amount value={t.amount} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ConfidenceMark band={t.prediction.band} confidence={t.prediction.confidence} />
          <ExplanationPopover client={client} t={t} accountName={accountName} />
        </Group>
      </Table.Td>
      <Table.Td miw={130}>
        <Tooltip label={t.statusReason} withArrow>
          <Badge size="sm" variant="light" color={status.color} tt="none">
            {t.linkedEntry === "payroll" ? "payroll entry" : status.label}
            {t.posted ? "" : " · not posted"}
          </Badge>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap" justify="flex-end">
          {t.status !== "processed" && t.status !== "excluded" && (
            <Tooltip label={t.posted ? "Mark reviewed" : "Post and mark reviewed"} withArrow>
              <ActionIcon
                variant="subtle"
                color="teal"
                aria-label={`Mark reviewed: ${label}`}
                loading={review.isPending}
                onClick={() => review.mutate()}
              >
                <IconCheck size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label="Comments" withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Comments: ${label}`}
              onClick={() => setCommentsOpen(true)}
            >
              <IconMessage size={16} />
            </ActionIcon>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`More actions: ${label}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setSplitOpen(true)}>Split…</Menu.Item>
              <Menu.Item onClick={() => setRuleOpen(true)} disabled={!t.coding.accountId && !t.coding.split}>
                Create rule from this…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        {commentsOpen && (
          <CommentsDrawer
            client={client}
            object={`transaction:${t.id}`}
            title={`Comments: ${label}`}
            onClose={() => {
              setCommentsOpen(false);
              if (linked) onLinkDone?.();
            }}
          />
        )}
        {splitOpen && (
          <SplitDialog
            client={client}
            t={t}
            accounts={accounts}
            opened
            onClose={() => setSplitOpen(false)}
            onDone={onChanged}
          />
        )}
        {ruleOpen && (
          <RuleFromDialog
            client={client}
            t={t}
            accountName={accountName(t.coding.accountId)}
            opened
            onClose={() => setRuleOpen(false)}
            onDone={(r) => {
              onMessage(
                `Rule “${r.rule.name}” created${r.applied ? `; applied to ${r.applied.applied} waiting transaction${r.applied.applied === 1 ? "" : "s"}` : ""}.`,
              );
              onChanged();
            }}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
