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

/** Whether an action is allowed: the server's permission list for a signed-in person, else the role. */
export function sessionCan(session: Session, action: Action): boolean {
  if (session.mode === "user") return session.me.permissions.includes(action);
  return roleCan(session.me.user.role, action);
}

export function useCan(): (action: Action) => boolean {
  const session = useSession();
  return (action) => sessionCan(session, action);
}

/** Client users see only their firm's branding and their own client. */
export const isClientSide = (session: Session) => session.me.side === "client";
