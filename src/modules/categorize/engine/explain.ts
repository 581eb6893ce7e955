// Human explanations of a prediction: which rule, which past lines, which words weighed most.
import type { FeatureInput } from "./features.ts";
import { namedFeatures } from "./features.ts";
import type { LinearModel } from "./linear-model.ts";
import { support, type MemoryLevel, type Tally } from "./memory.ts";

/** Words whose weights pushed hardest towards `classIndex`, relative to the average class. */
export function weightiestWords(
  model: LinearModel,
  input: FeatureInput,
  classIndex: number,
  limit = 3,
): Array<{ word: string; weight: number }> {
  const C = model.classes.length;
  const mask = (1 << model.bits) - 1;
  const scored = namedFeatures(input).map(({ name, hashes }) => {
    let weight = 0;
    for (const h of hashes) {
      const row = (h & mask) * C;
      let mean = 0;
      for (let c = 0; c < C; c++) mean += model.weights[row + c]!;
      weight += model.weights[row + classIndex]! - mean / C;
    }
    return { word: name, weight: Math.round(weight * 100) / 100 };
  });
  return scored
    .filter((s) => s.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
    .slice(0, limit);
}

function quoted(words: Array<{ word: string }>): string {
  return words.map((w) => `“${w.word}”`).join(", ");
}

export function memoryExplanation(level: MemoryLevel, tally: Tally, label: string, payee: string): string {
  const i = tally.labels.indexOf(label);
  const votes = i >= 0 ? tally.counts[i]! : 0;
  const n = support(tally);
  const examples = tally.examples?.filter((e) => e.label === label).map((e) => e.date) ?? [];
  const latest = examples.length ? `; latest ${examples[examples.length - 1]}` : "";
  const who = payee ? `“${payee}”` : "this merchant";
  switch (level) {
    case "clientKey":
      return `${votes} of ${n} earlier line${n === 1 ? "" : "s"} from ${who} for this client went to ${label}${latest}.`;
    case "clientBrand":
      return `${votes} of ${n} earlier lines from ${who} and its other branches for this client went to ${label}.`;
    default:
      return `${votes} of ${n} earlier lines like this went to ${label}.`;
  }
}

export function modelExplanation(
  kind: "client_model" | "global_model",
  account: string,
  category: string | undefined,
  words: Array<{ word: string }>,
): string {
  const because = words.length ? ` The words that weighed most: ${quoted(words)}.` : "";
  if (kind === "client_model") return `This client's model links lines like this to ${account}.${because}`;
  const via = category && category !== account ? ` (category ${category})` : "";
  return `Across the firm's clients, lines like this are usually coded to ${account}${via}.${because}`;
}

/**
 * The alternatives shown beside a prediction, consistent with its confidence: the chosen account
 * first with the confidence itself, then the next most likely accounts sharing what is left in
 * proportion to the combiner's probabilities (never above the chosen one's).
 */
export function shownAlternatives(
  accounts: readonly string[],
  probabilities: ArrayLike<number>,
  chosen: number,
  confidence: number,
  limit = 3,
): Array<{ account: string; probability: number }> {
  const round = (p: number) => Math.round(p * 1000) / 1000;
  const rest = 1 - (probabilities[chosen] ?? 0);
  const others = Array.from({ length: probabilities.length }, (_, i) => i)
    .filter((i) => i !== chosen)
    .sort((a, b) => probabilities[b]! - probabilities[a]! || a - b)
    .slice(0, Math.max(0, limit - 1));
  return [
    { account: accounts[chosen]!, probability: round(confidence) },
    ...others.map((i) => ({
      account: accounts[i]!,
      probability: round(
        Math.min(confidence, rest > 1e-12 ? (probabilities[i]! / rest) * (1 - confidence) : 0),
      ),
    })),
  ];
}
