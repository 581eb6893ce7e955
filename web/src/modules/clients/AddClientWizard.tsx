// The "Add client" wizard: details → connect ledger → bank accounts → link accounts and
// automation → AI settings. Steps whose module has not arrived yet can be skipped; the wizard
// can be left at any step and resumed — from the clients page or the client's page, where the
// server keeps its progress (this browser also keeps the details typed before the client exists).
import { useState } from "react";
import { Alert, Button, Group, Paper, Stack, Stepper, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clientsApi, ONBOARDING_STEPS } from "../../api/clients.ts";
import { useBodyFields, useHasPath } from "../../api/openapi.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { navigate, useLocation } from "../../router/router.tsx";
import { ClientDetailsFields, detailsPayload } from "./ClientDetailsForm.tsx";
import { clearWizardDraft, loadWizardDraft, saveWizardDraft, type WizardDraft } from "./wizardDraft.ts";

const LATER_STEPS = [
  {
    label: "Connect ledger",
    text: "Connect the client's QuickBooks Online or Xero company, or keep the books in Closebook's own ledger.",
    module: "Integrations",
  },
  {
    label: "Bank accounts",
    text: "Connect the client's bank and card accounts, or request the connection from the client.",
    module: "Banking",
  },
  {
    label: "Link & automate",
    text: "Link each bank account to a ledger account and choose AutoPush, Manual Push or no automation.",
    module: "Transaction Manager",
  },
  {
    label: "AI settings",
    text: "Training range, materiality threshold, default assignee and the accounts excluded from training.",
    module: "Categorization",
  },
];

function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
}

const EMPTY: WizardDraft = { step: 0, client: null, name: "", details: {} };

export function AddClientWizard() {
  const resumeSlug = useLocation().search.get("client");
  const saved = loadWizardDraft();
  const local = resumeSlug ? (saved?.client === resumeSlug ? saved : null) : (saved ?? EMPTY);
  // Resuming a client created earlier (maybe in another browser): start at the server's step.
  const resumed = useQuery({
    queryKey: ["client", resumeSlug],
    queryFn: () => clientsApi.get(resumeSlug!),
    enabled: Boolean(resumeSlug) && !local,
  });
  if (local) return <Wizard initial={local} />;
  if (resumed.isError)
    return <ProblemAlert error={resumed.error} title="Could not resume this client's setup" />;
  const c = resumed.data;
  if (!c) return null;
  const at =
    c.onboarding?.step === "done"
      ? LATER_STEPS.length
      : // The server sends the step as a string: an unknown one resumes at the first later step.
        Math.max(1, (ONBOARDING_STEPS as readonly string[]).indexOf(c.onboarding?.step ?? "ledger"));
  return <Wizard initial={{ ...EMPTY, client: c.slug, name: c.name, step: at }} />;
}

function Wizard({ initial }: { initial: WizardDraft }) {
  const [draft, setDraft] = useState<WizardDraft>(initial);

  const [slugEdited, setSlugEdited] = useState(Boolean(draft.details.slug));
  const accepted = useBodyFields("post", "/api/clients");
  const serverProgress = useHasPath("/api/clients/{client}/onboarding", "put");
  const qc = useQueryClient();
  const update = (patch: Partial<WizardDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const slug = slugEdited ? (draft.details.slug ?? "") : slugOf(draft.name);
  const record = (client: string, step: (typeof ONBOARDING_STEPS)[number], completed: boolean) => {
    if (serverProgress)
      void clientsApi
        .saveOnboarding(client, { step, completed })
        .then(() => qc.invalidateQueries({ queryKey: ["clients"] }))
        .catch(() => undefined);
  };

  const create = useMutation({
    mutationFn: () =>
      clientsApi.create({ name: draft.name.trim(), slug, ...detailsPayload(draft.details, accepted) }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ["clients"] });
      record(c.slug, "details", true);
      const next = { ...draft, client: c.slug, step: 1 };
      setDraft(next);
      saveWizardDraft(next);
    },
  });
  const go = (step: number) => {
    const next = { ...draft, step };
    setDraft(next);
    saveWizardDraft(next);
    // Skipped steps stay "not done": the server resumes at the first of them.
    if (draft.client && step >= 1 && step < ONBOARDING_STEPS.length)
      record(draft.client, ONBOARDING_STEPS[step]!, false);
  };
  const leave = () => {
    saveWizardDraft(draft);
    navigate("/clients");
  };
  const finish = () => {
    clearWizardDraft();
    navigate(draft.client ? `/clients/${draft.client}` : "/clients");
  };

  return (
    <>
      <PageHeader
        title={draft.client && draft.name ? `Add client: ${draft.name}` : "Add client"}
        help="clients-and-users"
        actions={
          <Button type="button" variant="default" onClick={leave}>
            Save and exit
          </Button>
        }
      />
      <Paper withBorder radius="md" p="lg" maw={900}>
        <Stepper
          active={draft.step}
          onStepClick={(s) => draft.client && s > 0 && go(s)}
          size="sm"
          allowNextStepsSelect={false}
        >
          <Stepper.Step label="Details" description="Name and profile">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (draft.client) go(1);
                else create.mutate();
              }}
            >
              <Stack gap="sm" mt="md">
                <ProblemAlert error={create.error} onClose={() => create.reset()} />
                {draft.client && (
                  <Alert color="teal" variant="light">
                    The client {draft.name} is created. Continue with the next steps, or finish them later.
                  </Alert>
                )}
                <Group grow align="flex-start">
                  <TextInput
                    label="Client name"
                    required
                    value={draft.name}
                    onChange={(e) => update({ name: e.currentTarget.value })}
                    disabled={Boolean(draft.client)}
                    data-autofocus
                  />
                  <TextInput
                    label="Short name (in addresses)"
                    description="Lowercase letters, digits and dashes"
                    value={draft.client ?? slug}
                    disabled={Boolean(draft.client)}
                    onChange={(e) => {
                      setSlugEdited(true);
                      update({ details: { ...draft.details, slug: e.currentTarget.value } });
                    }}
                  />
                </Group>
                {!draft.client && (
                  <ClientDetailsFields
                    values={draft.details}
                    accepted={accepted}
                    onChange={(k, v) => update({ details: { ...draft.details, [k]: v } })}
                  />
                )}
                <Group justify="flex-end" mt="sm">
                  <Button
                    type="submit"
                    loading={create.isPending}
                    disabled={!draft.name.trim() || !(draft.client ?? slug)}
                  >
                    {draft.client ? "Next" : "Create client and continue"}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>
          {LATER_STEPS.map((s, i) => (
            <Stepper.Step key={s.label} label={s.label}>
              <Stack gap="sm" mt="md">
                <Text>{s.text}</Text>
                <Alert color="gray" variant="light">
                  This step arrives with the {s.module} module. Skip it for now: you can come back to it from
                  the client's page.
                </Alert>
                <Group justify="space-between" mt="sm">
                  <Button type="button" variant="default" onClick={() => go(i)}>
                    Back
                  </Button>
                  {i < LATER_STEPS.length - 1 ? (
                    <Button type="button" onClick={() => go(i + 2)}>
                      Skip for now
                    </Button>
                  ) : (
                    <Button type="button" onClick={finish}>
                      Finish
                    </Button>
                  )}
                </Group>
              </Stack>
            </Stepper.Step>
          ))}
        </Stepper>
      </Paper>
    </>
  );
}
