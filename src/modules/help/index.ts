// The help module's public face: the guides library and its HTTP routes.
export { loadHelpLibrary, DEFAULT_HELP_DIR, type HelpLibrary } from "./library.ts";
export { helpRoutes } from "./routes.ts";
export type { HelpArticle, HelpSection, SearchHit } from "./model.ts";
