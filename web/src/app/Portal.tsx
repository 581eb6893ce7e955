// The signed-in portal: every module's navigation and routes in the shell. Loaded only once a
// session is known (App.tsx), so the sign-in pages fetch none of it.
import { MODULES } from "../modules/index.ts";
import { PortalRoutes } from "./Routes.tsx";

export function Portal() {
  return <PortalRoutes modules={MODULES} />;
}
