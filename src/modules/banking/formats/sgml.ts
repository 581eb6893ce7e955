// Builds an element tree from OFX markup, both 1.x SGML (leaf tags left unclosed) and 2.x XML, with one
// tolerant scanner: real OFX 2 files often keep SGML habits, so a strict XML parser would refuse them.
import { StatementParseError } from "./errors.ts";
import { decodeEntities, LineCounter } from "./text.ts";

export interface SgmlElement {
  /** Tag name, upper-cased (OFX tag names are case-insensitive in practice). */
  name: string;
  /** 1-based line of the opening tag. */
  line: number;
  /** The value of a leaf element (entity-decoded and trimmed); null for an aggregate or an empty leaf. */
  text: string | null;
  children: SgmlElement[];
}

/**
 * Leaf elements that may appear empty and unclosed (`<MEMO>` followed by the next tag). Without a DTD an
 * empty unclosed element looks like the start of an aggregate, so the common OFX leaves are listed.
 */
const KNOWN_LEAVES = new Set([
  "TRNTYPE",
  "DTPOSTED",
  "DTUSER",
  "DTAVAIL",
  "TRNAMT",
  "FITID",
  "CORRECTFITID",
  "CORRECTACTION",
  "SRVRTID",
  "CHECKNUM",
  "REFNUM",
  "SIC",
  "PAYEEID",
  "NAME",
  "EXTDNAME",
  "MEMO",
  "INV401KSOURCE",
  "CURDEF",
  "BANKID",
  "BRANCHID",
  "ACCTID",
  "ACCTTYPE",
  "ACCTKEY",
  "DTSTART",
  "DTEND",
  "BALAMT",
  "DTASOF",
  "CODE",
  "SEVERITY",
  "MESSAGE",
  "DTSERVER",
  "LANGUAGE",
  "DTPROFUP",
  "DTACCTUP",
  "ORG",
  "FID",
  "TRNUID",
  "CURRATE",
  "CURSYM",
  "MKTGINFO",
  "CLTCOOKIE",
  "USERKEY",
  "BROKERID",
  "DTTRADE",
  "DTSETTLE",
  "UNIQUEID",
  "UNIQUEIDTYPE",
  "UNITS",
  "UNITPRICE",
  "TOTAL",
  "SUBACCTSEC",
  "SUBACCTFUND",
  "DESC",
  "PHONE",
]);

const TAG_NAME = /^[A-Za-z][A-Za-z0-9._:-]*$/;

/** Shared by every leaf until it gets a child, so that the many leaves allocate no array of their own. */
const NO_CHILDREN: SgmlElement[] = Object.freeze([]) as unknown as SgmlElement[];

/**
 * Where the OFX aggregates that banks leave open belong. An SGML reader with the OFX DTD knows that a
 * <STMTTRN> cannot hold another <STMTTRN>, nor a <BANKTRANLIST> a <LEDGERBAL>: the start tag of such an
 * element closes whatever is open above the aggregate it belongs in, as OFX readers do.
 */
const PARENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    STMTTRN: ["BANKTRANLIST"],
    BANKTRANLIST: ["STMTRS", "CCSTMTRS"],
    LEDGERBAL: ["STMTRS", "CCSTMTRS"],
    AVAILBAL: ["STMTRS", "CCSTMTRS"],
    BALLIST: ["STMTRS", "CCSTMTRS"],
    STMTRS: ["STMTTRNRS"],
    CCSTMTRS: ["CCSTMTTRNRS"],
    STMTTRNRS: ["BANKMSGSRSV1"],
    CCSTMTTRNRS: ["CREDITCARDMSGSRSV1"],
    INVSTMTTRNRS: ["INVSTMTMSGSRSV1"],
    SIGNONMSGSRSV1: ["OFX"],
    BANKMSGSRSV1: ["OFX"],
    CREDITCARDMSGSRSV1: ["OFX"],
    INVSTMTMSGSRSV1: ["OFX"],
    SECLISTMSGSRSV1: ["OFX"],
  }).map(([name, parents]) => [name, new Set(parents)]),
);

/** How far down the open elements a start tag looks for the aggregate it belongs in. */
const PARENT_SEARCH_DEPTH = 64;

/**
 * Parses OFX markup starting at `start` (after any OFX 1 header) into a synthetic `#ROOT` element.
 * Aggregates left open whose end the markup implies (see PARENTS, and an enclosing end tag) are closed
 * and added to `inferred`; a file that ends with aggregates open is cut short and refused.
 */
export function parseSgml(text: string, start = 0, inferred: SgmlElement[] = []): SgmlElement {
  const lines = new LineCounter(text);
  const root: SgmlElement = { name: "#ROOT", line: 1, text: null, children: [] };
  const stack: SgmlElement[] = [root];
  // Tag names as written → upper-cased and validated, so each distinct name is checked and stored once.
  const names = new Map<string, string>();
  let pos = start;
  // Text runs from `textFrom` to the next tag; a comment or a lone "<" inside it parks a piece in `pending`.
  let textFrom = start;
  let pending = "";

  // The next ">" and "<" are cached: a run of stray "<" must not rescan the rest of the file each time.
  let gtCache = -1;
  let ltCache = -1;
  for (;;) {
    const lt = text.indexOf("<", pos);
    if (lt < 0) {
      addText(stack, root, pending, text, textFrom, text.length);
      break;
    }
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end < 0) {
        throw new StatementParseError(
          "ofx/unclosed-comment",
          "A comment (<!--) is never closed.",
          lines.lineAt(lt),
        );
      }
      pending += text.slice(textFrom, lt);
      pos = textFrom = end + 3;
      continue;
    }
    if (gtCache !== -2 && gtCache <= lt) gtCache = text.indexOf(">", lt + 1);
    if (gtCache === -1) gtCache = -2;
    const gt = gtCache === -2 ? -1 : gtCache;
    if (gt < 0) {
      throw new StatementParseError(
        "ofx/truncated",
        "The file ends in the middle of a tag.",
        lines.lineAt(lt),
      );
    }
    if (ltCache !== -2 && ltCache <= lt) ltCache = text.indexOf("<", lt + 1);
    if (ltCache === -1) ltCache = -2;
    const nextLt = ltCache === -2 ? -1 : ltCache;
    if (nextLt >= 0 && nextLt < gt) {
      // A lone "<" inside a value ("A<B"): keep it as text rather than misreading the next tag.
      pos = lt + 1;
      continue;
    }
    const kind = text.charCodeAt(lt + 1);
    if (kind === 63 || kind === 33) {
      // XML declaration, <?OFX …?> header, DOCTYPE
      pending += text.slice(textFrom, lt);
      pos = textFrom = gt + 1;
      continue;
    }
    addText(stack, root, pending, text, textFrom, lt);
    pending = "";
    if (kind === 47) {
      const name = tagName(names, text.slice(lt + 2, gt).trim(), text, lt, lines);
      closeElement(name, stack, inferred);
    } else {
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      let nameEnd = lt + 1;
      const innerEnd = selfClosing ? gt - 1 : gt;
      while (nameEnd < innerEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
      const name = tagName(names, text.slice(lt + 1, nameEnd), text, lt, lines);
      let top = stack[stack.length - 1] as SgmlElement;
      // An unclosed leaf ends where the next tag starts.
      if (top !== root && top.children.length === 0 && (top.text !== null || KNOWN_LEAVES.has(top.name))) {
        stack.pop();
        top = stack[stack.length - 1] as SgmlElement;
      }
      const parents = PARENTS.get(name);
      if (parents !== undefined && !parents.has(top.name)) top = closeToParent(stack, parents, inferred);
      const element: SgmlElement = { name, line: lines.lineAt(lt), text: null, children: NO_CHILDREN };
      if (top.children === NO_CHILDREN) top.children = [element];
      else top.children.push(element);
      if (selfClosing) element.text = "";
      else stack.push(element);
    }
    pos = textFrom = gt + 1;
  }

  for (let i = stack.length - 1; i > 0; i--) {
    const open = stack[i] as SgmlElement;
    if (open.children.length > 0) {
      throw new StatementParseError(
        "ofx/unclosed-aggregate",
        `<${open.name}> is opened but never closed; the file may be cut short.`,
        open.line,
      );
    }
  }
  return root;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** The upper-cased tag name, validated once per distinct spelling. */
function tagName(
  names: Map<string, string>,
  raw: string,
  text: string,
  lt: number,
  lines: LineCounter,
): string {
  const known = names.get(raw);
  if (known !== undefined) return known;
  if (!TAG_NAME.test(raw)) {
    const shown = text.slice(lt + 1, Math.min(text.length, lt + 41)).split(">")[0];
    throw new StatementParseError("ofx/malformed-tag", `"<${shown}>" is not a valid tag.`, lines.lineAt(lt));
  }
  const name = raw.toUpperCase();
  names.set(raw, name);
  return name;
}

/**
 * Gives the text between two tags to the open element, if it is a leaf (text inside aggregates is
 * ignored). Whitespace-only runs — the indentation between tags — are skipped without being sliced.
 */
function addText(
  stack: SgmlElement[],
  root: SgmlElement,
  pending: string,
  text: string,
  from: number,
  to: number,
): void {
  let first = from;
  while (first < to && isSpace(text.charCodeAt(first))) first++;
  if (first === to && pending === "") return;
  const top = stack[stack.length - 1] as SgmlElement;
  if (top === root || top.children.length > 0) return;
  let last = to;
  while (last > first && isSpace(text.charCodeAt(last - 1))) last--;
  const value = pending === "" ? text.slice(first, last) : (pending + text.slice(from, to)).trim();
  if (value === "") return;
  const decoded = decodeEntities(value);
  top.text = top.text === null ? decoded : top.text + decoded;
}

/**
 * Closes the innermost open element of that name; aggregates still open inside it end there (an SGML end
 * tag implies the ends of the elements it contains) and are noted in `inferred`.
 */
function closeElement(name: string, stack: SgmlElement[], inferred: SgmlElement[]): void {
  let i = stack.length - 1;
  while (i > 0 && (stack[i] as SgmlElement).name !== name) i--;
  // A closing tag with no open element of that name (a leaf that was already closed implicitly) is harmless.
  if (i === 0) return;
  closeAbove(stack, i, inferred);
  stack.length = i;
}

/** Closes the elements open above the nearest open aggregate in `parents` (if one is near) and returns it. */
function closeToParent(
  stack: SgmlElement[],
  parents: ReadonlySet<string>,
  inferred: SgmlElement[],
): SgmlElement {
  const floor = Math.max(1, stack.length - PARENT_SEARCH_DEPTH);
  for (let i = stack.length - 1; i >= floor; i--) {
    const open = stack[i] as SgmlElement;
    if (!parents.has(open.name)) continue;
    closeAbove(stack, i, inferred);
    stack.length = i + 1;
    return open;
  }
  return stack[stack.length - 1] as SgmlElement;
}

function closeAbove(stack: SgmlElement[], at: number, inferred: SgmlElement[]): void {
  // Open elements without children are empty leaves; only aggregates are worth reporting.
  for (let j = at + 1; j < stack.length; j++) {
    const open = stack[j] as SgmlElement;
    if (open.children.length > 0) inferred.push(open);
  }
}

/** The first direct child with that name. */
export function child(element: SgmlElement, name: string): SgmlElement | undefined {
  for (const c of element.children) if (c.name === name) return c;
  return undefined;
}

/** The text of the first direct child with that name, or null when absent or empty. */
export function childText(element: SgmlElement, name: string): string | null {
  const c = child(element, name);
  return c && c.text !== null && c.text !== "" ? c.text : null;
}

/** Follows a path of child names ("FI", "ORG") and returns the text found, or null. */
export function pathText(element: SgmlElement, ...path: string[]): string | null {
  let current: SgmlElement | undefined = element;
  for (let i = 0; i < path.length - 1 && current; i++) current = child(current, path[i] as string);
  return current ? childText(current, path[path.length - 1] as string) : null;
}

/** Every element in document order (iterative, so deeply nested input cannot overflow the stack). */
export function* walk(element: SgmlElement): Generator<SgmlElement> {
  const todo: SgmlElement[] = [element];
  while (todo.length > 0) {
    const next = todo.pop() as SgmlElement;
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) todo.push(next.children[i] as SgmlElement);
  }
}

/**
 * Leaf values below an element as a flat record keyed by dotted path ("PAYEE.NAME"); repeats are joined
 * by newlines. Children named in `skip` are left out (a statement's transaction list, for instance).
 */
export function flattenLeaves(element: SgmlElement, skip?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of element.children) {
    if (skip?.has(c.name)) continue;
    if (c.children.length === 0) put(out, c.name, c.text ?? "");
    else flattenNested(out, c, c.name);
  }
  return out;
}

/** The nested case, walked with an explicit stack so that deep nesting cannot overflow. */
function flattenNested(out: Record<string, string>, element: SgmlElement, prefix: string): void {
  const todo: Array<[SgmlElement, string]> = [[element, prefix]];
  while (todo.length > 0) {
    const [el, path] = todo.pop() as [SgmlElement, string];
    if (el.children.length === 0) {
      put(out, path, el.text ?? "");
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i] as SgmlElement;
      todo.push([c, `${path}.${c.name}`]);
    }
  }
}

function put(out: Record<string, string>, key: string, value: string): void {
  const existing = out[key];
  out[key] = existing === undefined ? value : `${existing}\n${value}`;
}
