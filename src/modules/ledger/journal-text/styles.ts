// Commodity display styles, inferred the way hledger 1.25 does: a `commodity` directive wins;
// otherwise side and spacing come from the first amount (D, then P directives, then postings),
// digit grouping from the first grouped one, and precision is the most decimals written.
// The precision matters beyond display: hledger balances transactions at it.
import type { WrittenStyle } from "./amount.ts";
import type { CommodityStyle } from "./types.ts";

interface Accumulator {
  first: WrittenStyle;
  maxPrecision: number;
  group: { mark: string; sizes: number[] } | null;
  decimalMark: "." | "," | null;
}

function note(
  map: Map<string, Accumulator>,
  commodity: string,
  style: WrittenStyle,
  precision: number,
): void {
  const acc = map.get(commodity);
  if (acc === undefined) {
    map.set(commodity, {
      first: style,
      maxPrecision: precision,
      group:
        style.digitGroupMark !== null ? { mark: style.digitGroupMark, sizes: style.digitGroupSizes } : null,
      decimalMark: style.decimalMark,
    });
    return;
  }
  if (precision > acc.maxPrecision) acc.maxPrecision = precision;
  if (acc.group === null && style.digitGroupMark !== null)
    acc.group = { mark: style.digitGroupMark, sizes: style.digitGroupSizes };
  if (acc.decimalMark === null && style.decimalMark !== null) acc.decimalMark = style.decimalMark;
}

/** Style of a written sample amount (a commodity directive's format), used as is. */
export function styleOfSample(style: WrittenStyle, precision: number): CommodityStyle {
  const decimalMark = style.decimalMark ?? (style.digitGroupMark === "." ? "," : ".");
  return {
    side: style.side,
    spaced: style.spaced,
    decimalMark,
    digitGroupMark: style.digitGroupMark,
    digitGroupSizes: style.digitGroupSizes,
    precision,
  };
}

export class StyleInference {
  // Separate lists because hledger weighs D first, then all P directives, then postings,
  // whatever their position in the file.
  private readonly fromDefault = new Map<string, Accumulator>();
  private readonly fromPrices = new Map<string, Accumulator>();
  private readonly fromPostings = new Map<string, Accumulator>();
  private readonly declared = new Map<string, CommodityStyle>();

  declare(commodity: string, style: CommodityStyle): void {
    this.declared.set(commodity, style);
  }

  noteDefault(commodity: string, style: WrittenStyle, precision: number): void {
    note(this.fromDefault, commodity, style, precision);
  }

  notePrice(commodity: string, style: WrittenStyle, precision: number): void {
    note(this.fromPrices, commodity, style, precision);
  }

  /** Called for every written posting amount: the hot path. */
  notePosting(commodity: string, style: WrittenStyle, precision: number): void {
    note(this.fromPostings, commodity, style, precision);
  }

  isDeclared(commodity: string): boolean {
    return this.declared.has(commodity);
  }

  commodities(): Set<string> {
    return new Set([
      ...this.declared.keys(),
      ...this.fromDefault.keys(),
      ...this.fromPrices.keys(),
      ...this.fromPostings.keys(),
    ]);
  }

  /** The style hledger displays (and balances) this commodity with; null when nothing was written in it. */
  styleOf(commodity: string): CommodityStyle | null {
    const declared = this.declared.get(commodity);
    if (declared) return declared;
    const accs = [
      this.fromDefault.get(commodity),
      this.fromPrices.get(commodity),
      this.fromPostings.get(commodity),
    ].filter((a): a is Accumulator => a !== undefined);
    const first = accs[0];
    if (first === undefined) return null;
    let precision = 0;
    let group: Accumulator["group"] = null;
    let decimal: "." | "," | null = null;
    for (const acc of accs) {
      if (acc.maxPrecision > precision) precision = acc.maxPrecision;
      if (group === null) group = acc.group;
      if (decimal === null) decimal = acc.decimalMark;
    }
    // A known group mark settles the decimal mark (it must differ); otherwise the first one written.
    const decimalMark: "." | "," = group !== null ? (group.mark === "." ? "," : ".") : (decimal ?? ".");
    return {
      side: first.first.side,
      spaced: first.first.spaced,
      decimalMark,
      digitGroupMark: group?.mark ?? null,
      digitGroupSizes: group?.sizes ?? [],
      precision,
    };
  }
}
