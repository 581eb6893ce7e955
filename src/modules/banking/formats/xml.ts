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
const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a whole XML document and returns its root element. */
export function parseXml(text: string): XmlElement {
  const lines = new LineCounter(text);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (type: string, detail: string, offset: number): never => {
    throw new StatementParseError(type, detail, lines.lineAt(offset));
  };

  for (;;) {
    const lt = text.indexOf("<", pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    if (chunk.length > 0) {
      const top = stack[stack.length - 1];
      if (top) {
        if (top.children.length === 0) top.text += chunk;
      } else if (chunk.trim() !== "") {
        fail("xml/text-outside-root", "There is text outside the XML document element.", pos);
      }
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
    const body = text.slice(lt + 1, gt);
    if (body[0] === "/") {
      const name = body.slice(1).trim();
      const open = stack.pop();
      if (!open) fail("xml/mismatched-tag", `</${name}> closes an element that was never opened.`, lt);
      else if (localName(name) !== open.name) {
        fail(
          "xml/mismatched-tag",
          `</${name}> does not close <${open.name}> opened on line ${open.line}.`,
          lt,
        );
      } else {
        open.text = open.children.length === 0 ? decodeEntities(open.text.trim()) : "";
      }
    } else {
      const selfClosing = body.endsWith("/");
      const inner = selfClosing ? body.slice(0, -1) : body;
      const nameEnd = inner.search(/\s/);
      const qname = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
      if (!NAME.test(qname)) fail("xml/malformed-tag", `"<${body.slice(0, 40)}>" is not a valid tag.`, lt);
      const element: XmlElement = {
        name: localName(qname),
        line: lines.lineAt(lt),
        attrs: nameEnd < 0 ? {} : readAttributes(inner.slice(nameEnd)),
        text: "",
        children: [],
      };
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.children.push(element);
        parent.text = "";
      } else if (root) {
        fail("xml/multiple-roots", "The file has more than one document element.", lt);
      } else {
        root = element;
      }
      if (!selfClosing) stack.push(element);
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

function readAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) {
    attrs[localName(m[1] as string)] = decodeEntities(m[2] ?? m[3] ?? "");
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
  const out: Record<string, string> = {};
  const put = (key: string, value: string) => {
    out[key] = key in out ? `${out[key]}\n${value}` : value;
  };
  const todo: Array<[XmlElement, string]> = [[element, prefix]];
  while (todo.length > 0) {
    const [el, path] = todo.pop() as [XmlElement, string];
    for (const [k, v] of Object.entries(el.attrs))
      if (!k.startsWith("xmlns") && k !== "xmlns") put(`${path}@${k}`, v);
    if (el.children.length === 0) {
      if (el.text !== "") put(path, el.text);
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
