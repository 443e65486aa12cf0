/**
 * The logical structure of a PDF (a tagged PDF, ISO 32000-1 § 14.7–14.8): headings, paragraphs,
 * label/value tables and lists in reading order, each with its language, so that screen readers
 * and text extraction follow the document and not the drawing order. The layout
 * (layout.server.ts) opens an element per block and wraps each line it draws in a
 * marked-content sequence with an MCID that points back to the element; running headers,
 * footers and rules are artifacts. `finish` writes the tree, the parent tree and `MarkInfo`.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFPage, type PDFRef } from "pdf-lib";

/** The standard structure types the documents use. */
export type StructType = "Document" | "Part" | "H1" | "H2" | "H3" | "P" | "Note" | "Table" | "TR" | "TH" | "TD" | "L" | "LI" | "LBody";

interface MarkedContent { page: number; mcid: number }
export interface StructElement {
  type: StructType;
  lang?: string;
  parent?: StructElement;
  kids: (StructElement | MarkedContent)[];
}

export class StructureTree {
  readonly root: StructElement = { type: "Document", kids: [] };
  /** Per page: the element each MCID belongs to (the parent tree). */
  private readonly owners: StructElement[][] = [];

  /** A new element as the last child of `parent`. */
  open(type: StructType, parent: StructElement, lang?: string): StructElement {
    const element: StructElement = { type, parent, kids: [], ...(lang ? { lang } : {}) };
    parent.kids.push(element);
    return element;
  }

  /** The next MCID on `page`, owned by `element`: the operator that opens its marked content. */
  mark(element: StructElement, page: number): string {
    const owners = (this.owners[page] ??= []);
    const mcid = owners.length;
    owners.push(element);
    element.kids.push({ page, mcid });
    return `/${element.type} <</MCID ${mcid}>> BDC`;
  }

  /** Writes the tree into the document. Call once, after all pages are drawn. */
  finish(doc: PDFDocument, pages: readonly PDFPage[]): void {
    const { context } = doc;
    const rootRef = context.nextRef();
    const refs = new Map<StructElement, PDFRef>();
    const write = (element: StructElement, parentRef: PDFRef): PDFRef | undefined => {
      // An element without content (an empty table) is left out.
      if (!hasContent(element)) return undefined;
      const ref = context.nextRef();
      refs.set(element, ref);
      const kids = context.obj([]) as PDFArray;
      // Content on one page only (most blocks): the page once on the element, the MCIDs as numbers.
      const marks = element.kids.filter((kid): kid is MarkedContent => "mcid" in kid);
      const onePage = marks.length === element.kids.length && marks.every((m) => m.page === marks[0].page);
      if (onePage) {
        for (const m of marks) kids.push(PDFNumber.of(m.mcid));
        context.assign(ref, context.obj({ Type: "StructElem", S: element.type, P: parentRef, Pg: pages[marks[0].page].ref, K: kids, ...attributes(element, context) } as never));
        return ref;
      }
      for (const kid of element.kids) {
        if ("mcid" in kid) {
          kids.push(context.obj({ Type: "MCR", Pg: pages[kid.page].ref, MCID: kid.mcid }));
        } else {
          const child = write(kid, ref);
          if (child) kids.push(child);
        }
      }
      context.assign(ref, context.obj({ Type: "StructElem", S: element.type, P: parentRef, K: kids, ...attributes(element, context) } as never));
      return ref;
    };
    const documentRef = write(this.root, rootRef);

    const nums = context.obj([]) as PDFArray;
    pages.forEach((page, i) => {
      page.node.set(PDFName.of("StructParents"), PDFNumber.of(i));
      page.node.set(PDFName.of("Tabs"), PDFName.of("S"));
      nums.push(PDFNumber.of(i));
      nums.push(context.obj((this.owners[i] ?? []).map((owner) => refs.get(owner)!)));
    });
    context.assign(rootRef, context.obj({
      Type: "StructTreeRoot",
      K: documentRef ?? context.obj([]),
      ParentTree: context.obj({ Nums: nums }),
      ParentTreeNextKey: pages.length,
    }));
    doc.catalog.set(PDFName.of("StructTreeRoot"), rootRef);
    doc.catalog.set(PDFName.of("MarkInfo"), context.obj({ Marked: true }) as PDFDict);
  }
}

/** An element's language, and a header cell's scope (the row it heads). */
function attributes(element: StructElement, context: PDFDocument["context"]): Record<string, unknown> {
  return {
    ...(element.lang ? { Lang: PDFString.of(element.lang) } : {}),
    ...(element.type === "TH" ? { A: context.obj({ O: "Table", Scope: "Row" }) } : {}),
  };
}

const hasContent = (element: StructElement): boolean => element.kids.some((kid) => "mcid" in kid || hasContent(kid));

/** Content that is not part of the document's text (running headers, footers, rules, boxes). */
export const ARTIFACT = "/Artifact BMC";
export const END = "EMC";
