// Lint rules: typescript-eslint's recommended set, the rules of React hooks in web/, plus the house
// rules that platform/ knows no module and app/ (the composition) knows no CLI.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["node_modules/**", "web/dist/**", "dist/**", "test-results/**", ".data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The web portal: the rules of hooks.
  { files: ["web/src/**/*.{ts,tsx}"], ...reactHooks.configs.flat.recommended },
  {
    files: ["src/platform/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/modules/**"] }],
    },
  },
  // The CLI composes the app (serve, start, commands), never the other way round.
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/cli/**"] }],
    },
  },
);
