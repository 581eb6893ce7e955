// Tags inside comments: hledger's `name:value` (value runs to the next comma) and ledger's
// `:tag1:tag2:` form. Only comments containing a colon are scanned, so plain notes cost nothing.
import type { Tag } from "./types.ts";

const LEDGER_TAGS = /^:(?:[^:\s]+:)+$/;
const HLEDGER_TAG = /(?:^|[\s,])([^\s:,]+):([^,]*)/g;

export function tagsOf(comment: string): Tag[] {
  if (comment.indexOf(":") < 0) return [];
  const tags: Tag[] = [];
  for (const line of comment.split("\n")) {
    if (line.indexOf(":") < 0) continue;
    const words = line.trim().split(/\s+/);
    if (words.length === 1 && LEDGER_TAGS.test(words[0]!)) {
      for (const name of words[0]!.slice(1, -1).split(":")) tags.push({ name, value: "" });
      continue;
    }
    HLEDGER_TAG.lastIndex = 0;
    for (let m = HLEDGER_TAG.exec(line); m; m = HLEDGER_TAG.exec(line)) {
      tags.push({ name: m[1]!, value: m[2]!.trim() });
    }
  }
  return tags;
}
