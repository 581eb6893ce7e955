// Firm branding: the name, logo and favicon that the firm's clients see in the portal.
// Partner Admins change them; others see them.
import { useState } from "react";
import { Button, ColorInput, FileButton, Group, Image, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { firmApi } from "../../api/users.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useCan } from "../../app/session.tsx";
import { fieldMessage } from "../../api/problem.ts";

export function BrandingPage() {
  const can = useCan();
  const qc = useQueryClient();
  const firm = useQuery({ queryKey: ["firm"], queryFn: firmApi.get });
  const [name, setName] = useState<string | null>(null);
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ["firm"] });
    await qc.invalidateQueries({ queryKey: ["session"] });
  };
  const rename = useMutation({
    mutationFn: () => firmApi.update({ name: (name ?? "").trim() }),
    onSuccess: refresh,
  });
  const upload = useMutation({
    mutationFn: ({ kind, file }: { kind: "logo" | "favicon"; file: File }) => firmApi.upload(kind, file),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (kind: "logo" | "favicon") => firmApi.removeBranding(kind),
    onSuccess: refresh,
  });
  const [color, setColor] = useState<string | null>(null);
  const saveColor = useMutation({
    mutationFn: (value: string | null) => firmApi.setBrandColor(value),
    onSuccess: async () => {
      setColor(null);
      await refresh();
    },
  });
  const editable = can("firm.branding");

  return (
    <>
      <PageHeader
        title="Firm branding"
        help="clients-and-users"
        subtitle="What your clients see: your firm's name, logo, browser icon and colour."
      />
      <ProblemAlert
        error={rename.error ?? upload.error ?? remove.error}
        onClose={() => {
          rename.reset();
          upload.reset();
          remove.reset();
        }}
      />
      <QueryState query={firm}>
        {(f) => (
          <Stack gap="md" maw={640}>
            <Paper withBorder radius="md" p="md">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  rename.mutate();
                }}
              >
                <Group align="flex-end">
                  <TextInput
                    label="Firm name"
                    value={name ?? f.name}
                    onChange={(e) => setName(e.currentTarget.value)}
                    disabled={!can("firm.edit")}
                    w={340}
                  />
                  {can("firm.edit") && (
                    <Button
                      type="submit"
                      disabled={name === null || name.trim() === f.name}
                      loading={rename.isPending}
                    >
                      Save name
                    </Button>
                  )}
                </Group>
              </form>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  saveColor.mutate((color ?? f.branding.color ?? "").trim() || null);
                }}
              >
                <Text fw={600} size="sm" mb={4}>
                  Brand colour
                </Text>
                <Text size="xs" c="dimmed" mb="sm">
                  Colours the cover, headings and rules of the monthly report package. Without one the package
                  keeps its neutral dark blue.
                </Text>
                <Group align="flex-start">
                  <ColorInput
                    label="Colour (#rrggbb)"
                    format="hex"
                    placeholder="None"
                    value={color ?? f.branding.color ?? ""}
                    onChange={(v) => {
                      setColor(v);
                      saveColor.reset();
                    }}
                    error={fieldMessage(saveColor.error, "color")}
                    disabled={!editable}
                    w={220}
                  />
                  {editable && (
                    <Group mt={25}>
                      <Button
                        type="submit"
                        disabled={color === null || color === (f.branding.color ?? "")}
                        loading={saveColor.isPending}
                      >
                        Save colour
                      </Button>
                      {f.branding.color && (
                        <Button
                          type="button"
                          variant="subtle"
                          color="red"
                          onClick={() => saveColor.mutate(null)}
                        >
                          Remove
                        </Button>
                      )}
                    </Group>
                  )}
                </Group>
              </form>
            </Paper>
            {(["logo", "favicon"] as const).map((kind) => {
              const url = kind === "logo" ? f.branding.logoUrl : f.branding.faviconUrl;
              return (
                <Paper key={kind} withBorder radius="md" p="md">
                  <Text fw={600} size="sm" mb={4}>
                    {kind === "logo" ? "Logo" : "Favicon"}
                  </Text>
                  <Text size="xs" c="dimmed" mb="sm">
                    {kind === "logo"
                      ? "Shown in the portal's header. PNG, JPEG, WebP or SVG, at most 512 KB."
                      : "The icon in the browser tab. PNG, ICO or SVG, square, at most 512 KB."}
                  </Text>
                  <Group>
                    <Paper withBorder radius="sm" p="xs" w={kind === "logo" ? 200 : 64} h={64} bg="gray.0">
                      {url ? (
                        <Image src={url} alt={`Current ${kind}`} h="100%" fit="contain" />
                      ) : (
                        <Text size="xs" c="dimmed">
                          None
                        </Text>
                      )}
                    </Paper>
                    {editable && (
                      <>
                        <FileButton
                          accept="image/png,image/jpeg,image/webp,image/svg+xml,image/x-icon,image/vnd.microsoft.icon"
                          onChange={(file) => file && upload.mutate({ kind, file })}
                        >
                          {(props) => (
                            <Button
                              variant="default"
                              {...props}
                              loading={upload.isPending && upload.variables?.kind === kind}
                            >
                              Upload {kind}
                            </Button>
                          )}
                        </FileButton>
                        {url && (
                          <Button
                            type="button"
                            variant="subtle"
                            color="red"
                            onClick={() => remove.mutate(kind)}
                          >
                            Remove
                          </Button>
                        )}
                      </>
                    )}
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
