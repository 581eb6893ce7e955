// A comment box with @mention autocomplete: typing "@" and a few letters lists the people who may
// be mentioned; picking one writes "@handle" and remembers the person (sent as a structured mention).
import { useState } from "react";
import { Paper, Stack, Text, Textarea, UnstyledButton } from "@mantine/core";
import type { Mentionable } from "../../api/comms.ts";

/** The "@partial" being typed just before the cursor, if any. */
function partialAt(text: string, cursor: number): { start: number; query: string } | null {
  const m = /(^|[\s([{"'])@([A-Za-z0-9._+-]{0,64})$/.exec(text.slice(0, cursor));
  if (!m) return null;
  return { start: cursor - m[2]!.length - 1, query: m[2]!.toLowerCase() };
}

export function MentionInput({
  value,
  onChange,
  people,
  onMention,
  label,
  disabled,
}: {
  value: string;
  onChange: (text: string) => void;
  people: readonly Mentionable[];
  onMention: (person: Mentionable) => void;
  label: string;
  disabled?: boolean;
}) {
  const [cursor, setCursor] = useState(0);
  const partial = partialAt(value, cursor);
  const matches = partial
    ? people
        .filter((p) => p.handle.startsWith(partial.query) || p.name.toLowerCase().includes(partial.query))
        .slice(0, 6)
    : [];
  const pick = (p: Mentionable) => {
    if (!partial) return;
    const next = `${value.slice(0, partial.start)}@${p.handle} ${value.slice(cursor)}`;
    onChange(next);
    setCursor(partial.start + p.handle.length + 2);
    onMention(p);
  };
  return (
    <Stack gap={4}>
      <Textarea
        aria-label={label}
        placeholder="Write a comment; type @ to mention someone"
        autosize
        minRows={2}
        maxLength={10000}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          setCursor(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
        }}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && matches.length > 0 && partial) {
            e.preventDefault();
            pick(matches[0]!);
          }
        }}
      />
      {matches.length > 0 && (
        <Paper withBorder shadow="xs" p={4} role="listbox" aria-label="People to mention">
          {matches.map((p) => (
            <UnstyledButton
              key={p.id}
              role="option"
              aria-selected={false}
              display="block"
              w="100%"
              px={6}
              py={2}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(p)}
            >
              <Text size="sm">
                {p.name}{" "}
                <Text span c="dimmed" size="xs">
                  @{p.handle}
                </Text>
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </Stack>
  );
}
