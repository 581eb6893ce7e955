// The two halves of Reports: the statements and the monthly report package.
import { Tabs } from "@mantine/core";
import { navigate } from "../../router/router.tsx";

export function ReportsTabs({ client, current }: { client: string; current: "statements" | "package" }) {
  const href = (tab: string | null) => `/c/${client}/reports${tab === "package" ? "/package" : ""}`;
  return (
    <Tabs value={current} onChange={(tab) => navigate(href(tab))} mb="md">
      <Tabs.List>
        <Tabs.Tab value="statements">Statements</Tabs.Tab>
        <Tabs.Tab value="package">Report package</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
