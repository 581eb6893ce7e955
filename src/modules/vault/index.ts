// The vault module's public face (the Password Manager): each client's logins under envelope
// encryption, reveal with a fresh second factor, credential requests answered into the vault,
// the master key's start-up check and rotation, and the routes.
export {
  listEntries,
  getEntry,
  createEntry,
  updateEntry,
  deleteEntry,
  revealEntry,
  getSettings,
  updateSettings,
} from "./entry-service.ts";
export type { EntryInput, EntryChange, SecondFactor, RevealPurpose, VaultSettings } from "./entry-service.ts";
export type { EntryView } from "./entry-view.ts";
export { requestCredentials, listRequests, answerRequest } from "./request-service.ts";
export { listRecipients, vaultLink } from "./recipients.ts";
export type { RequestInput, RequestView, AnswerInput } from "./request-service.ts";
export { checkMasterKey, rotateMasterKey, WrongMasterKey } from "./keyring-service.ts";
export { loadMasterKey, replaceKeyFile, VAULT_KEY_FILE } from "./master-key.ts";
export type { MasterKey } from "./master-key.ts";
export { parseMasterKey, keyCheckValue, VaultCryptoError } from "./crypto-model.ts";
export { REVEAL_STEP_UP_MINUTES } from "./model.ts";
export type { VaultCtx } from "./vault-ctx.ts";
export type { VaultTables } from "./tables.ts";
export { vaultRoutes } from "./routes.ts";
