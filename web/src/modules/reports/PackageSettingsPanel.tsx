// The client's package settings and the preparer's notes: which statements the package holds,
// the trailing twelve months, prior-year columns, whole-dollar rounding and the notes page. The
// next package generated uses them. Partner Admins and Ops change them; others read them.
import { useState } from "react";
import { Button, Checkbox, Group, Paper, Stack, Switch, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { packagesApi } from "../../api/reports.ts";
import { fieldMessage } from "../../api/problem.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import {
  draftOf,
  settingsPatch,
  inPackageOrder,
  STATEMENT_CHOICES,
  type SettingsDraft,
} from "./package-settings-model.ts";

const NOTES_HELP =
  "Commentary for the business owner, printed on the package's last page (e.g. why rent rose). Empty: no notes page.";

export function PackageSettingsPanel({ client, editable }: { client: string; editable: boolean }) {
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ["report-package-settings", client],
    queryFn: () => packagesApi.settings(client),
  });
  // The person's edits; null shows what is stored (after a save the form shows the stored values).
  const [edits, setEdits] = useState<SettingsDraft | null>(null);
  const draft = edits ?? (settings.data ? draftOf(settings.data) : null);
  const save = useMutation({
    mutationFn: (d: SettingsDraft) => packagesApi.updateSettings(client, settingsPatch(settings.data!, d)),
    onSuccess: (saved) => {
      queryClient.setQueryData(["report-package-settings", client], saved);
      setEdits(null);
    },
  });
  const change = (patch: Partial<SettingsDraft>) => {
    if (draft) setEdits({ ...draft, ...patch });
    save.reset();
  };
  const field = (name: string) => fieldMessage(save.error, name);
  const unknownField =
    save.error && !["statements", "notes", "trailingTwelve", "priorYear", "rounding"].some(field)
      ? save.error
      : null;

  return (
    <Paper withBorder radius="md" p="md" mb="lg" maw={760}>
      <Title order={4} mb={4}>
        Package settings and notes
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        The next package generated for this client uses these settings; versions already made keep theirs.
      </Text>
      <QueryState query={settings}>
        {(saved) =>
          draft && (
            <form
              aria-label="Package settings"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate(draft);
              }}
            >
              <Stack gap="sm">
                <Checkbox.Group
                  label="Statements in the package"
                  value={draft.statements}
                  error={field("statements")}
                  onChange={(values) => change({ statements: inPackageOrder(values) })}
                >
                  <Stack gap={6} mt={6}>
                    {STATEMENT_CHOICES.map((c) => (
                      <Checkbox key={c.value} value={c.value} label={c.label} disabled={!editable} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                <Switch
                  label="Also the profit and loss by month for the trailing twelve months"
                  checked={draft.trailingTwelve}
                  disabled={!editable}
                  error={field("trailingTwelve")}
                  onChange={(e) => change({ trailingTwelve: e.currentTarget.checked })}
                />
                <Switch
                  label="Prior-year columns beside the month and the year to date"
                  checked={draft.priorYear}
                  disabled={!editable}
                  error={field("priorYear")}
                  onChange={(e) => change({ priorYear: e.currentTarget.checked })}
                />
                <Switch
                  label="Whole dollars, with the rounding shown (off: cents)"
                  checked={draft.rounding}
                  disabled={!editable}
                  error={field("rounding")}
                  onChange={(e) => change({ rounding: e.currentTarget.checked })}
                />
                <Textarea
                  label="Notes"
                  description={NOTES_HELP}
                  autosize
                  minRows={4}
                  maxRows={14}
                  value={draft.notes}
                  readOnly={!editable}
                  error={field("notes")}
                  onChange={(e) => change({ notes: e.currentTarget.value })}
                />
                <ProblemAlert error={unknownField} title="The settings were not saved" />
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    {saved.lastUpdated
                      ? `Last changed by ${saved.lastUpdated.by} on ${saved.lastUpdated.at.slice(0, 10)}`
                      : "Default settings"}
                  </Text>
                  {editable && (
                    <Group gap="xs">
                      {save.isSuccess && edits === null && (
                        <Text size="xs" c="teal" role="status">
                          Saved
                        </Text>
                      )}
                      <Button
                        type="submit"
                        size="xs"
                        loading={save.isPending}
                        disabled={Object.keys(settingsPatch(saved, draft)).length === 0}
                      >
                        Save settings
                      </Button>
                    </Group>
                  )}
                </Group>
              </Stack>
            </form>
          )
        }
      </QueryState>
    </Paper>
  );
}
