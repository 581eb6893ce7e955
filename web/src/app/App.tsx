// The app's top: the public sign-in pages, or — once the session is known — the portal. A
// signed-out person is sent to sign-in and comes back where they were going.
import { useEffect } from "react";
import { Center, Loader } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchSession } from "../api/identity.ts";
import { setUnauthenticatedHandler } from "../api/client.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { navigate, useLocation } from "../router/router.tsx";
import { MODULES } from "../modules/index.ts";
import { SessionProvider } from "./session.tsx";
import { PortalRoutes } from "./Routes.tsx";
import { SignInPage } from "../auth/SignInPage.tsx";
import { TwoFactorPage } from "../auth/TwoFactorPage.tsx";
import { EnrolPage } from "../auth/EnrolPage.tsx";
import { RecoveryCodesPage } from "../auth/RecoveryCodesPage.tsx";
import { AcceptInvitationPage } from "../auth/AcceptInvitationPage.tsx";
import { ForgotPasswordPage } from "../auth/ForgotPasswordPage.tsx";
import { ResetPasswordPage } from "../auth/ResetPasswordPage.tsx";

const PUBLIC: Record<string, () => React.ReactNode> = {
  "/sign-in": () => <SignInPage />,
  "/sign-in/2fa": () => <TwoFactorPage />,
  "/sign-in/enrol": () => <EnrolPage />,
  "/sign-in/recovery-codes": () => <RecoveryCodesPage />,
  "/invitation": () => <AcceptInvitationPage />,
  "/forgot-password": () => <ForgotPasswordPage />,
  "/reset-password": () => <ResetPasswordPage />,
};

export function App() {
  const { pathname, search, hash } = useLocation();
  const qc = useQueryClient();
  const isPublic = pathname in PUBLIC;
  const session = useQuery({
    queryKey: ["session"],
    queryFn: fetchSession,
    enabled: !isPublic,
    staleTime: 5 * 60_000,
    retry: false,
  });

  useEffect(() => {
    setUnauthenticatedHandler(() => void qc.invalidateQueries({ queryKey: ["session"] }));
  }, [qc]);

  const signedOut = !isPublic && session.isSuccess && session.data === null;
  useEffect(() => {
    if (signedOut) {
      const here = pathname + (search.toString() ? `?${search}` : "") + hash;
      navigate(here === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
    }
  }, [signedOut, pathname, search, hash]);

  // A client user has one client: the global view is theirs only through that client.
  const me = session.data?.me;
  const onlyClient = me?.side === "client" && me.clients.length === 1 ? me.clients[0]!.slug : null;
  useEffect(() => {
    if (onlyClient && (pathname === "/" || pathname === "/clients"))
      navigate(`/c/${onlyClient}`, { replace: true });
  }, [onlyClient, pathname]);

  if (isPublic) return <>{PUBLIC[pathname]!()}</>;
  if (session.isError) return <ProblemAlert error={session.error} title="Closebook cannot be reached" />;
  if (!session.data) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return (
    <SessionProvider session={session.data}>
      <PortalRoutes modules={MODULES} />
    </SessionProvider>
  );
}
