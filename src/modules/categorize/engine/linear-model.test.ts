// The hashed softmax model: learns, is deterministic, warm-starts across class changes.
import { describe, expect, it } from "vitest";
import { FeatureBuffer, amountBucket, extractFeatures } from "./features.ts";
import { DatasetBuilder, predictProba, trainLinear, type LinearModel } from "./linear-model.ts";

const examples: Array<[string, bigint, string]> = [
  ["SHELL OIL 1234", -4000n, "fuel"],
  ["CHEVRON 0099", -3500n, "fuel"],
  ["EXXONMOBIL 55", -5100n, "fuel"],
  ["STARBUCKS #12", -650n, "meals"],
  ["CHIPOTLE 0420", -1250n, "meals"],
  ["SUBWAY 1188", -900n, "meals"],
  ["STAPLES 0042", -2300n, "office"],
  ["OFFICE DEPOT 77", -5600n, "office"],
];

function dataset(rows: Array<[string, bigint, string]>, classes: string[]) {
  const builder = new DatasetBuilder();
  const features = new FeatureBuffer();
  for (const [description, amount, label] of rows) {
    extractFeatures({ clientId: "c", description, amount }, { clientFeatures: true }, features);
    builder.add(features, classes.indexOf(label));
  }
  return builder.build();
}

function top(model: LinearModel, description: string, amount: bigint): string {
  const features = new FeatureBuffer();
  extractFeatures({ clientId: "c", description, amount }, { clientFeatures: true }, features);
  const p = new Float64Array(model.classes.length);
  predictProba(model, features, p);
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  return model.classes[best]!;
}

describe("linear model", () => {
  const classes = ["fuel", "meals", "office"];
  const options = { bits: 12, epochs: 20, learningRate: 2, seed: 3 };

  it("learns the training lines and generalizes to new branches", () => {
    const model = trainLinear(dataset(examples, classes), classes, options);
    for (const [description, amount, label] of examples) expect(top(model, description, amount)).toBe(label);
    expect(top(model, "SHELL OIL 9876", -3800n)).toBe("fuel");
    expect(top(model, "STARBUCKS #77", -500n)).toBe("meals");
  });

  it("is deterministic for a seed", () => {
    const a = trainLinear(dataset(examples, classes), classes, options);
    const b = trainLinear(dataset(examples, classes), classes, options);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });

  it("warm-starts from a model with fewer classes", () => {
    const first = trainLinear(dataset(examples, classes), classes, options);
    const more = [...classes, "travel"];
    const rows: Array<[string, bigint, string]> = [
      ...examples,
      ["UNITED AIRLINES 016", -45000n, "travel"],
      ["DELTA AIR LINES", -39000n, "travel"],
    ];
    const second = trainLinear(dataset(rows, more), more, { ...options, epochs: 10 }, first);
    expect(top(second, "DELTA AIR LINES", -41000n)).toBe("travel");
    expect(top(second, "CHEVRON 0100", -3300n)).toBe("fuel");
  });

  it("refuses to train on nothing", () => {
    expect(() => trainLinear(new DatasetBuilder().build(), classes, options)).toThrow(
      /no labelled transactions/,
    );
  });

  it("buckets amounts by size", () => {
    expect(amountBucket(50n)).toBe(0);
    expect(amountBucket(-1000n)).toBe(amountBucket(1000n));
    expect(amountBucket(100000n)).toBeGreaterThan(amountBucket(1000n));
  });
});
