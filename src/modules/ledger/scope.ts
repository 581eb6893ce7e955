// Resolves the client an actor names into the scope every ledger query carries. Ledger services
// name the permission they need directly (the ledger's permissions are the access table's own).
export { clientScopeFor as clientScope } from "../access/index.ts";
export type { ClientScope } from "../access/index.ts";
