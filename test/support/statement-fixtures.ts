// Test helpers only: the project's own statement fixtures (small synthetic files, one per class of bank
// file that real banks write and earlier versions refused or misread), read by name from
// src/modules/banking/formats/fixtures.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const FIXTURES = fileURLToPath(new URL("../../src/modules/banking/formats/fixtures", import.meta.url));

export function fixture(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

/** Every fixture file; the ones named `refused-*` are files that must be refused. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).sort();
}
