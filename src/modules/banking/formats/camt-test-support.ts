// Shared by the camt tests: parse one of the shared samples as the named file.
import { parseStatementFile } from "./index.ts";
import { sample } from "../../../../test/support/statement-samples.ts";

export const parse = (folder: string, name: string) =>
  parseStatementFile(sample(folder, name), { fileName: name });
