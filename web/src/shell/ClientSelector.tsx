// The header's client selector: type to find a client and open its client view, or choose
// "All clients" to go back to the global view. Client users see only their own client.
import { Select } from "@mantine/core";
import { IconBuildingStore } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { clientsApi } from "../api/clients.ts";
import { navigate, useLocation } from "../router/router.tsx";
import { isClientSide, useSession } from "../app/session.tsx";

const ALL = "__all__";

export function ClientSelector({ current }: { current: string | null }) {
  const session = useSession();
  const { pathname } = useLocation();
  const clients = useQuery({ queryKey: ["clients"], queryFn: clientsApi.list });
  const clientSide = isClientSide(session);
  const data = [
    ...(clientSide ? [] : [{ value: ALL, label: "All clients" }]),
    ...(clients.data ?? [])
      .filter((c) => c.status !== "terminated" || c.slug === current)
      .map((c) => ({ value: c.slug, label: c.name })),
  ];

  const choose = (value: string | null) => {
    if (!value || value === current) return;
    if (value === ALL) return navigate("/");
    // Stay on the same module page in the other client (but not on one entry of the old client).
    const rest = current ? pathname.split("/").slice(3, 5).join("/") : "";
    navigate(`/c/${value}${rest ? `/${rest}` : ""}`);
  };

  return (
    <Select
      aria-label="Client"
      placeholder="Find a client…"
      searchable
      data={data}
      value={current ?? (clientSide ? null : ALL)}
      onChange={choose}
      leftSection={<IconBuildingStore size={16} />}
      w={280}
      nothingFoundMessage="No client matches"
      comboboxProps={{ shadow: "md" }}
      allowDeselect={false}
      selectFirstOptionOnChange
    />
  );
}
