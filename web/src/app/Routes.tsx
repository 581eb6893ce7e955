// Picks the page for the current address: the sign-in pages for everyone, the portal's module
// pages inside the shell for a signed-in person (client view under /c/:client).
import { Suspense } from "react";
import { Alert, Anchor, Center, Loader } from "@mantine/core";
import { matchPath, Link, useLocation, type Params } from "../router/router.tsx";
import type { PortalModule } from "../modules/registry.ts";
import { Layout } from "../shell/Layout.tsx";
import { PageHeader } from "../components/PageHeader.tsx";

export function findRoute(
  modules: PortalModule[],
  pathname: string,
): { render: (p: Params) => React.ReactNode; params: Params } | null {
  for (const m of modules) {
    for (const r of m.routes) {
      const params = matchPath(r.path, pathname);
      if (params) return { render: r.render, params };
    }
  }
  return null;
}

export function PortalRoutes({ modules }: { modules: PortalModule[] }) {
  const { pathname } = useLocation();
  const route = findRoute(modules, pathname);
  const client = pathname.startsWith("/c/") ? decodeURIComponent(pathname.split("/")[2] ?? "") || null : null;
  return (
    <Layout modules={modules} client={client}>
      {route ? (
        // Pages load on first use (lib/lazy-page.ts): the shell stays while one arrives.
        <Suspense
          fallback={
            <Center mih={200}>
              <Loader aria-label="Loading the page" />
            </Center>
          }
        >
          {route.render(route.params)}
        </Suspense>
      ) : (
        <>
          <PageHeader title="Page not found" />
          <Alert color="gray" variant="light">
            There is no page at this address.{" "}
            <Anchor component={Link} href="/">
              Go to the overview
            </Anchor>
          </Alert>
        </>
      )}
    </Layout>
  );
}
