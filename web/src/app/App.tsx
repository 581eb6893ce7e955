// The app's top: the public sign-in pages, or — once the session is known — the portal. A
// signed-out person is sent to sign-in and comes back where they were going.
import { Suspense, useEffect } from "react";
import { Center, Loader } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchSession } from "../api/identity.ts";
import { setUnauthenticatedHandler } from "../api/client.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { navigate, useLocation } from "../router/router.tsx";
import { SessionProvider } from "./session.tsx";
import { SignInPage } from "../auth/SignInPage.tsx";
import { lazyPage } from "../lib/lazy-page.ts";

// Sign-in is the first page most people see: it comes with the app; the rest load when shown.
const TwoFactorPage = lazyPage(() => import("../auth/TwoFactorPage.tsx"), "TwoFactorPage");
const EnrolPage = lazyPage(() => import("../auth/EnrolPage.tsx"), "EnrolPage");
const RecoveryCodesPage = lazyPage(() => import("../auth/RecoveryCodesPage.tsx"), "RecoveryCodesPage");
const AcceptInvitationPage = lazyPage(
  () => import("../auth/AcceptInvitationPage.tsx"),
  "AcceptInvitationPage",
);
const ForgotPasswordPage = lazyPage(() => import("../auth/ForgotPasswordPage.tsx"), "ForgotPasswordPage");
const ResetPasswordPage = lazyPage(() => import("../auth/ResetPasswordPage.tsx"), "ResetPasswordPage");
const Portal = lazyPage(() => import("./Portal.tsx"), "Portal");

const loading = (
  <Center h="100vh">
    <Loader aria-label="Loading" />
  </Center>
);

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

  if (isPublic) return <Suspense fallback={loading}>{PUBLIC[pathname]!()}</Suspense>;
  if (session.isError) return <ProblemAlert error={session.error} title="Closebook cannot be reached" />;
  if (!session.data) return loading;
  return (
    <SessionProvider session={session.data}>
      <Suspense fallback={loading}>
        <Portal />
      </Suspense>
    </SessionProvider>
  );
}
