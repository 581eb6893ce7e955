// The header's brand: the firm's logo and name for its people and clients (Closebook's own mark
// only when the firm has no logo), and the firm's favicon in the browser tab.
import { useEffect } from "react";
import { Image, Text } from "@mantine/core";
import { useSession } from "../app/session.tsx";
import { Link } from "../router/router.tsx";

export function BrandMark() {
  const { me } = useSession();
  const { logoUrl, faviconUrl } = me.firm.branding;
  useEffect(() => {
    const link = document.getElementById("favicon") as HTMLLinkElement | null;
    if (link) link.href = faviconUrl ?? "/favicon.svg";
  }, [faviconUrl]);
  return (
    <Link
      href="/"
      style={{
        textDecoration: "none",
        color: "inherit",
        display: "flex",
        alignItems: "center",
        gap: 10,
        flexWrap: "nowrap",
      }}
      aria-label={`${me.firm.name} home`}
    >
      <Image
        src={logoUrl ?? "/favicon.svg"}
        alt={logoUrl ? `${me.firm.name} logo` : "Closebook"}
        h={30}
        w="auto"
        fit="contain"
      />
      <Text
        fw={650}
        size="md"
        c="var(--mantine-color-text)"
        style={{ whiteSpace: "nowrap" }}
        data-testid="firm-name"
      >
        {me.firm.name}
      </Text>
    </Link>
  );
}
