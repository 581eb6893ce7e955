// The signed-in person, shared with every page: who they are, their firm's branding, and what
// their role lets them do.
import { createContext, useContext, type ReactNode } from "react";
import type { Session } from "../api/identity.ts";
import { roleCan, type Action } from "./roles.ts";

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}

/** Whether an action is allowed: the server's permission list when it sends one, else the role. */
export function sessionCan(session: Session, action: Action): boolean {
  const { permissions, user } = session.me;
  if (session.mode === "user" && permissions.length > 0 && PERMISSION_OF[action]) return permissions.includes(PERMISSION_OF[action]);
  return roleCan(user.role, action);
}

// The server's permission names for the portal's actions (src/modules/access/model.ts).
const PERMISSION_OF: Partial<Record<Action, string>> = {
  "client.create": "client.create",
  "client.terminate": "client.terminate",
  "user.invite": "user.invite",
  "user.edit": "user.edit",
  "user.deactivate": "user.deactivate",
  "user.reset-2fa": "user.reset-2fa",
  "firm.edit": "firm.edit",
  "firm.branding": "firm.branding",
  "outbox.view": "outbox.view",
  "ledger.period.lock": "ledger.period.lock",
};

export function useCan(): (action: Action) => boolean {
  const session = useSession();
  return (action) => sessionCan(session, action);
}

/** Client users see only their firm's branding and their own client. */
export const isClientSide = (session: Session) => session.me.side === "client";
