// The confidence of a prediction as people scan it: a green (high), orange (medium) or red (low)
// mark with the percentage; the colours follow the client's bands as the server applied them.
import { Group, Text, Tooltip } from "@mantine/core";
import type { Band } from "../../api/transactions.ts";

export const BAND_COLOR: Record<Band, string> = { high: "teal.7", medium: "orange.6", low: "red.7" };
export const BAND_LABEL: Record<Band, string> = {
  high: "High confidence",
  medium: "Medium confidence",
  low: "Low confidence",
};

/** 0.9876 → "98.8%"; a rule's certainty reads "100%". */
export function percent(confidence: number | null): string {
  if (confidence === null) return "—";
  const p = Math.floor(confidence * 1000) / 10;
  return `${p.toFixed(p === 100 ? 0 : 1)}%`;
}

export function ConfidenceMark({ band, confidence }: { band: Band | null; confidence: number | null }) {
  const b: Band = band ?? "low";
  const label = `${BAND_LABEL[b]}: ${percent(confidence)}`;
  return (
    <Tooltip label={label} withArrow>
      <Group gap={6} wrap="nowrap" aria-label={label} role="img">
        <span
          aria-hidden
          style={{
            width: 10,
            height: 10,
            borderRadius: 5,
            display: "inline-block",
            background: `var(--mantine-color-${BAND_COLOR[b].replace(".", "-")})`,
          }}
        />
        <Text size="xs" ff="monospace" c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
          {percent(confidence)}
        </Text>
      </Group>
    </Tooltip>
  );
}
