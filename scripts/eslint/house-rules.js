// The house's own lint rules, for the two import boundaries `no-restricted-imports` cannot express
// (they depend on where the importing file sits, not only on what it names):
//
// - `module-boundaries`: a module is used from outside only through its public face. A file outside
//   src/modules/<B>/ (another module, src/app, src/cli, bench/, test/) may import from <B> only its
//   `index.ts`, or the `index.ts` of one of <B>'s pure engine folders listed in `publicFaces`. Inside
//   a module, sub-folders included, imports are free.
// - `pure-folder`: a pure engine folder (no database, HTTP, jobs or request context) imports only its
//   own files, the pure platform files listed in `allow`, and no package named in `forbid`.
//
// Specifiers are resolved against the importing file, so `../ledger/routes.ts` from a module and
// `../../src/modules/ledger/routes.ts` from bench/ are the same import.
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MODULES = path.join(ROOT, "src", "modules");

/** Path relative to the repository, with forward slashes. */
function repoPath(abs) {
  return path.relative(ROOT, abs).split(path.sep).join("/");
}

/** The module a file belongs to (`banking` for src/modules/banking/formats/x.ts), or null. */
function moduleOf(abs) {
  const rel = path.relative(MODULES, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const [name, ...rest] = rel.split(path.sep);
  return rest.length > 0 ? name : null;
}

/** Calls `check(node, specifier)` for every import, re-export and dynamic import with a literal. */
function eachImport(check) {
  const source = (node) => {
    if (node.source && typeof node.source.value === "string") check(node.source, node.source.value);
  };
  return {
    ImportDeclaration: source,
    ExportNamedDeclaration: source,
    ExportAllDeclaration: source,
    ImportExpression: source,
  };
}

const moduleBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Another module is imported only through its index.ts (or a listed pure face)." },
    schema: [
      {
        type: "object",
        properties: { publicFaces: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
    messages: {
      internal:
        "'{{target}}' is inside module '{{module}}': import it from src/modules/{{module}}/index.ts{{faces}} (export what you need there).",
    },
  },
  create(context) {
    const faces = new Set(context.options[0]?.publicFaces ?? []);
    const file = path.resolve(context.filename);
    const from = moduleOf(file);
    return eachImport((node, specifier) => {
      if (!specifier.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), specifier);
      const to = moduleOf(target);
      if (to === null || to === from) return;
      const inModule = path.relative(path.join(MODULES, to), target).split(path.sep).join("/");
      if (inModule === "index.ts" || faces.has(`${to}/${inModule}`)) return;
      const own = [...faces].filter((f) => f.startsWith(`${to}/`)).map((f) => ` or src/modules/${f}`);
      context.report({
        node,
        messageId: "internal",
        data: { target: repoPath(target), module: to, faces: own.join("") },
      });
    });
  },
};

const pureFolder = {
  meta: {
    type: "problem",
    docs: {
      description: "A pure engine folder imports only itself, listed pure platform files and no I/O package.",
    },
    schema: [
      {
        type: "object",
        properties: {
          folders: { type: "array", items: { type: "string" } },
          allow: { type: "array", items: { type: "string" } },
          forbid: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      outside:
        "'{{target}}' is outside the pure folder {{folder}}: an engine takes values and returns values (allowed from outside: {{allow}}).",
      package: "'{{target}}' does I/O; the pure folder {{folder}} may not use it.",
    },
  },
  create(context) {
    const { folders = [], allow = [], forbid = [] } = context.options[0] ?? {};
    const file = path.resolve(context.filename);
    const folder = folders.find((f) => repoPath(file).startsWith(`${f}/`));
    if (folder === undefined) return {};
    const allowed = new Set(allow);
    return eachImport((node, specifier) => {
      if (!specifier.startsWith(".")) {
        const name = specifier.startsWith("@")
          ? specifier.split("/").slice(0, 2).join("/")
          : specifier.split("/")[0];
        if (forbid.includes(name))
          context.report({ node, messageId: "package", data: { target: specifier, folder } });
        return;
      }
      const target = repoPath(path.resolve(path.dirname(file), specifier));
      if (target.startsWith(`${folder}/`) || allowed.has(target)) return;
      context.report({ node, messageId: "outside", data: { target, folder, allow: allow.join(", ") } });
    });
  },
};

export const houseRules = {
  meta: { name: "closebook-house" },
  rules: { "module-boundaries": moduleBoundaries, "pure-folder": pureFolder },
};
