// One row of the reconcile screen: a match joins its statement lines (left) to its ledger lines
// (right) with its class, score and reasons and the accept/reject buttons; a statement line alone
// offers to create its entry from the bot's prediction; a ledger line alone can be set aside as
// outstanding (not on this statement) or taken back.
import { Badge, Button, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconArrowsLeftRight, IconCheck, IconRobot, IconX } from "@tabler/icons-react";
import type { LedgerSide, StatementSide } from "../../api/reconcile.ts";
import { Amount } from "../../components/Amount.tsx";
import { formatDate } from "../../lib/dates.ts";
import type { ScreenRow } from "./screen-model.ts";
import classes from "./Reconcile.module.css";

export interface Prediction {
  /** The account the entry will be posted to (the bot's, or a person's edit). */
  account: string | null;
  confidence: number | null;
  method: string | null;
}

const percent = (c: number | null) => (c === null ? "" : ` · ${Math.floor(c * 1000) / 10}%`);

export function ClassBadge({ value }: { value: "confident" | "possible" | "none" }) {
  const color = value === "confident" ? "teal" : value === "possible" ? "orange" : "gray";
  const label = value === "none" ? "No match" : value === "confident" ? "Confident" : "Possible";
  return (
    <Badge variant="light" color={color} tt="none" size="sm">
      {label}
    </Badge>
  );
}

function StatementCell({ line }: { line: StatementSide }) {
  return (
    <div className={classes.line} data-side="statement">
      <Text size="xs" c="dimmed" className={classes.date}>
        {formatDate(line.date)}
      </Text>
      <Text size="sm" className={classes.text} title={line.description}>
        {line.description}
      </Text>
      <Amount value={line.amount} />
    </div>
  );
}

function LedgerCell({ line }: { line: LedgerSide }) {
  return (
    <div className={classes.line} data-side="ledger">
      <Text size="xs" c="dimmed" className={classes.date}>
        {formatDate(line.date)}
      </Text>
      <Text size="sm" className={classes.text} title={line.description}>
        {line.reference ? `${line.reference} · ` : ""}
        {line.description}
      </Text>
      <Amount value={line.amount} />
    </div>
  );
}

export function RowView({
  row,
  index,
  selected,
  open,
  busy,
  prediction,
  onSelect,
  onDecide,
  onOutstanding,
  onCreateEntry,
}: {
  row: ScreenRow;
  index: number;
  selected: boolean;
  open: boolean;
  busy: boolean;
  prediction: Prediction | undefined;
  onSelect: () => void;
  onDecide: (match: string, status: "accepted" | "rejected") => void;
  onOutstanding: (line: string, outstanding: boolean) => void;
  onCreateEntry: (bankLineId: string) => void;
}) {
  const cls = row.kind === "match" ? row.match.class : "none";
  const label =
    row.kind === "match"
      ? `Match of ${row.statement.length} statement and ${row.ledger.length} ledger lines`
      : row.kind === "statement"
        ? `Statement line not in the books: ${row.line.description}`
        : `Ledger line not on the statement: ${row.line.description}`;
  return (
    <div
      role="listitem"
      aria-label={label}
      aria-selected={selected}
      data-row-index={index}
      data-kind={row.kind}
      data-class={cls}
      data-status={row.kind === "match" ? row.match.status : undefined}
      className={classes.row}
      onClick={onSelect}
    >
      <Stack gap={2}>
        {row.kind === "match" && row.statement.map((l) => <StatementCell key={l.id} line={l} />)}
        {row.kind === "statement" && <StatementCell line={row.line} />}
      </Stack>
      <div className={classes.join}>
        {row.kind === "match" && (
          <Tooltip label={row.match.reasons.join("; ")} withArrow multiline w={320}>
            <IconArrowsLeftRight size={16} aria-label="matched" />
          </Tooltip>
        )}
      </div>
      <Stack gap={2}>
        {row.kind === "match" && row.ledger.map((l) => <LedgerCell key={l.id} line={l} />)}
        {row.kind === "ledger" && <LedgerCell line={row.line} />}
      </Stack>
      <Stack gap={4} align="flex-start">
        <Group gap={6}>
          <ClassBadge value={cls} />
          {row.kind === "match" && (
            <>
              <Text size="xs" c="dimmed">
                {Math.round(row.match.score * 100)}%
              </Text>
              {row.match.status === "accepted" && (
                <Badge size="sm" variant="filled" color="teal" tt="none">
                  Accepted
                </Badge>
              )}
              {row.match.status === "rejected" && (
                <Badge size="sm" variant="outline" color="red" tt="none">
                  Rejected
                </Badge>
              )}
              {row.match.statement.length + row.match.ledger.length > 2 && (
                <Badge size="sm" variant="outline" color="blue" tt="none">
                  Split
                </Badge>
              )}
            </>
          )}
          {row.kind === "ledger" && row.line.outstanding && (
            <Badge size="sm" variant="outline" color="gray" tt="none">
              Outstanding
            </Badge>
          )}
        </Group>
        {row.kind === "match" && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {row.match.reasons.join("; ")}
          </Text>
        )}
        {open && row.kind === "match" && (
          <Group gap={4}>
            {row.match.status !== "accepted" && (
              <Button
                size="compact-xs"
                color="teal"
                leftSection={<IconCheck size={12} />}
                disabled={busy}
                onClick={() => onDecide(row.match.id, "accepted")}
              >
                Accept
              </Button>
            )}
            {row.match.status !== "rejected" && (
              <Button
                size="compact-xs"
                variant="default"
                leftSection={<IconX size={12} />}
                disabled={busy}
                onClick={() => onDecide(row.match.id, "rejected")}
              >
                Reject
              </Button>
            )}
          </Group>
        )}
        {open && row.kind === "statement" && (
          <>
            <Text size="xs" c="dimmed" data-testid="prediction">
              <IconRobot size={12} style={{ verticalAlign: "middle" }} />{" "}
              {prediction?.account
                ? `Bot's prediction: ${prediction.account}${percent(prediction.confidence)}`
                : prediction
                  ? "The bot has no prediction: code it in the Transaction Manager"
                  : "No transaction to post yet"}
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              disabled={busy || !prediction?.account}
              onClick={() => onCreateEntry(row.line.id)}
            >
              Create entry
            </Button>
          </>
        )}
        {open && row.kind === "ledger" && (
          <Button
            size="compact-xs"
            variant="default"
            disabled={busy}
            onClick={() => onOutstanding(row.line.id, !row.line.outstanding)}
          >
            {row.line.outstanding ? "Back on this statement" : "Mark outstanding"}
          </Button>
        )}
      </Stack>
    </div>
  );
}
