// A small strict XML reader for ISO 20022 (CAMT) files: well-formedness errors carry line numbers, the
// tree is built without recursion (deep nesting cannot overflow the stack) and no entities are expanded.
import { StatementParseError } from "./errors.ts";
import { decodeEntities, LineCounter } from "./text.ts";

export interface XmlElement {
  /** Local name, without any namespace prefix. */
  name: string;
  /** 1-based line of the start tag. */
  line: number;
  attrs: Record<string, string>;
  /** Character content, trimmed (only kept for elements without child elements). */
  text: string;
  children: XmlElement[];
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

/** Parses a whole XML document and returns its root element. */
export function parseXml(text: string): XmlElement {
  const lines = new LineCounter(text);
  const stack: XmlElement[] = [];
  const qnames: string[] = [];
  let root: XmlElement | null = null;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (type: string, detail: string, offset: number): never => {
    throw new StatementParseError(type, detail, lines.lineAt(offset));
  };

  for (;;) {
    const lt = text.indexOf("<", pos);
    const chunkEnd = lt < 0 ? text.length : lt;
    // Indentation between tags is skipped without slicing it out: only real text is kept.
    const first = firstNonSpace(text, pos, chunkEnd);
    if (first < chunkEnd) {
      const top = stack[stack.length - 1];
      if (!top) fail("xml/text-outside-root", "There is text outside the XML document element.", first);
      else if (top.children.length === 0) top.text += text.slice(first, chunkEnd);
    }
    if (lt < 0) break;

    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end < 0) fail("xml/truncated", "A comment is never closed; the file may be cut short.", lt);
      pos = end + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end < 0) fail("xml/truncated", "A CDATA section is never closed; the file may be cut short.", lt);
      const top = stack[stack.length - 1];
      if (!top) fail("xml/text-outside-root", "There is text outside the XML document element.", lt);
      else if (top.children.length === 0) top.text += text.slice(lt + 9, end).replace(/&/g, "&amp;");
      pos = end + 3;
      continue;
    }
    if (text.startsWith("<?", lt)) {
      const end = text.indexOf("?>", lt + 2);
      if (end < 0) fail("xml/truncated", "A processing instruction is never closed.", lt);
      pos = end + 2;
      continue;
    }
    if (text.startsWith("<!", lt)) {
      const end = text.indexOf(">", lt + 2);
      if (end < 0) fail("xml/truncated", "A declaration is never closed.", lt);
      // Internal DTD subsets can define entities; statement files never need them, so refuse them.
      if (text.slice(lt, end).includes("[")) {
        fail(
          "xml/doctype-not-supported",
          "The file declares its own document type, which statement files never do.",
          lt,
        );
      }
      pos = end + 1;
      continue;
    }

    const gt = findTagEnd(text, lt + 1);
    if (gt < 0) fail("xml/truncated", "The file ends in the middle of a tag; it may be cut short.", lt);
    if (text.charCodeAt(lt + 1) === 47) {
      const open = stack.pop();
      const qname = qnames.pop();
      // Compared in place: slicing every closing tag's name would allocate for nothing.
      if (!open || qname === undefined) {
        const name = text.slice(lt + 2, gt).trim();
        fail("xml/mismatched-tag", `</${name}> closes an element that was never opened.`, lt);
      } else if (!closes(text, lt + 2, gt, qname)) {
        const name = text.slice(lt + 2, gt).trim();
        fail(
          "xml/mismatched-tag",
          `</${name}> does not close <${open.name}> opened on line ${open.line}.`,
          lt,
        );
      } else if (open.children.length === 0) {
        open.text = open.text === "" ? "" : decodeEntities(open.text.trim());
      } else {
        open.text = "";
      }
    } else {
      const selfClosing = text.charCodeAt(gt - 1) === 47;
      const innerEnd = selfClosing ? gt - 1 : gt;
      let nameEnd = lt + 1;
      while (nameEnd < innerEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
      const qname = text.slice(lt + 1, nameEnd);
      if (!NAME.test(qname)) {
        fail("xml/malformed-tag", `"<${text.slice(lt + 1, Math.min(gt, lt + 41))}>" is not a valid tag.`, lt);
      }
      const element: XmlElement = {
        name: localName(qname),
        line: lines.lineAt(lt),
        attrs: nameEnd < innerEnd ? readAttributes(text.slice(nameEnd, innerEnd)) : NO_ATTRIBUTES,
        text: "",
        children: NO_CHILDREN,
      };
      const parent = stack[stack.length - 1];
      if (parent) {
        if (parent.children === NO_CHILDREN) parent.children = [element];
        else parent.children.push(element);
        parent.text = "";
      } else if (root) {
        fail("xml/multiple-roots", "The file has more than one document element.", lt);
      } else {
        root = element;
      }
      if (!selfClosing) {
        stack.push(element);
        qnames.push(qname);
      }
    }
    pos = gt + 1;
  }

  const open = stack[stack.length - 1];
  if (open) {
    throw new StatementParseError(
      "xml/unclosed-element",
      `The file ends before <${open.name}> (line ${open.line}) is closed; it may be cut short.`,
      open.line,
    );
  }
  if (!root) throw new StatementParseError("xml/no-root", "The file contains no XML element.");
  return root;
}

/** Shared by every element without attributes (most of them), so none allocates its own. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Shared by every leaf until it gets a child element. */
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Whether the closing tag body text[from, to) is `qname`, allowing spaces before the `>`. */
function closes(text: string, from: number, to: number, qname: string): boolean {
  if (!text.startsWith(qname, from)) return false;
  return firstNonSpace(text, from + qname.length, to) === to;
}

/** Finds the `>` ending a tag, skipping any `>` inside quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return i;
    } else if (c === "<") {
      return -1;
    }
  }
  return -1;
}

/**
 * Reads the name="value" (or 'value') pairs of a start tag in one pass; anything else is skipped.
 * A scanner, not a pattern: a pattern retried at every position of a long run without "=" (a
 * mangled tag tens of kilobytes long) takes quadratic time, this takes linear time on any input.
 */
function readAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && !isSpace(text.charCodeAt(i)) && text[i] !== "=" && text[i] !== "/") i++;
    let j = i;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (i > nameStart && text[j] === "=") {
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const quote = text[j];
      if (quote === '"' || quote === "'") {
        const end = text.indexOf(quote, j + 1);
        // No closing quote anywhere after: nothing further can be a complete attribute.
        if (end < 0) break;
        attrs[localName(text.slice(nameStart, i))] = decodeEntities(text.slice(j + 1, end));
        i = end + 1;
        continue;
      }
    }
    i = Math.max(i, nameStart + 1);
  }
  return attrs;
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The first child with that local name. */
export function xchild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (c.name === name) return c;
  return undefined;
}

/** All children with that local name. */
export function xchildren(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Follows a path of child names and returns the element reached. */
export function xpath(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element;
  for (const name of path) current = xchild(current, name);
  return current;
}

/** The trimmed text at a path, or null when the element is missing or empty. */
export function xtext(element: XmlElement | undefined, ...path: string[]): string | null {
  const found = xpath(element, ...path);
  return found && found.text !== "" ? found.text : null;
}

/**
 * Every leaf below an element as a flat record keyed by path ("Refs/EndToEndId", "Amt@Ccy"); repeated
 * paths are joined by newlines. Walks iteratively.
 */
export function xflatten(
  element: XmlElement,
  prefix: string,
  skip?: ReadonlySet<string>,
): Record<string, string> {
  return xflattenInto({}, element, prefix, skip);
}

/** Like xflatten, adding to an existing record (repeated paths are joined). */
export function xflattenInto(
  out: Record<string, string>,
  element: XmlElement,
  prefix: string,
  skip?: ReadonlySet<string>,
): Record<string, string> {
  const todo: Array<[XmlElement, string]> = [[element, prefix]];
  while (todo.length > 0) {
    const [el, path] = todo.pop() as [XmlElement, string];
    for (const k in el.attrs)
      if (!k.startsWith("xmlns")) putJoined(out, `${path}@${k}`, el.attrs[k] as string);
    if (el.children.length === 0) {
      if (el.text !== "") putJoined(out, path, el.text);
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i] as XmlElement;
      if (skip?.has(c.name)) continue;
      todo.push([c, `${path}/${c.name}`]);
    }
  }
  return out;
}

/** Sets a flattened field; a repeated path keeps every value, one per line. */
function putJoined(out: Record<string, string>, key: string, value: string): void {
  const existing = out[key];
  out[key] = existing === undefined ? value : `${existing}\n${value}`;
}
