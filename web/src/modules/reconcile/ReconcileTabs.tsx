// The parts of Reconciliation: the accounts (with the reconcile screen and reports behind them);
// the pages auto-reconcile and the write-up batch add join this list as they land.
import { Tabs } from "@mantine/core";
import { navigate } from "../../router/router.tsx";

export type ReconcileTab = "accounts";

const TABS: Array<{ value: ReconcileTab; label: string; path: string }> = [
  { value: "accounts", label: "Accounts", path: "" },
];

export function ReconcileTabs({ client, current }: { client: string; current: ReconcileTab }) {
  const href = (tab: string | null) =>
    `/c/${client}/reconcile${TABS.find((t) => t.value === tab)?.path ?? ""}`;
  return (
    <Tabs value={current} onChange={(tab) => navigate(href(tab))} mb="md">
      <Tabs.List>
        {TABS.map((t) => (
          <Tabs.Tab key={t.value} value={t.value}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
