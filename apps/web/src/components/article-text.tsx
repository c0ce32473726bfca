import { useEffect, useRef } from 'react';
import { piecesOfSpans, selectorOfUtf16Span, type SpanSelector } from '../text/code-points';

interface ArticleTextProps {
  text: string;
  language: string | null | undefined;
  direction: 'rtl' | 'ltr';
  label: string;
  appearances: { id: string; start: number; end: number; claim: { statement: string } }[];
  onSelect(selector: SpanSelector): void;
}

/**
 * The article's text with its claim appearances highlighted. Text selected with the mouse, or with
 * the keyboard (Tab into the text, then Shift + arrows: it is a read-only text box), becomes a
 * selector in the API's code points.
 */
export function ArticleText({ text, language, direction, label, appearances, onSelect }: ArticleTextProps) {
  const container = useRef<HTMLDivElement>(null);
  const statements = new Map(appearances.map((appearance) => [appearance.id, appearance.claim.statement]));

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // Editable only so the keyboard can move a selection; every change to the text is refused.
    const refuse = (event: Event) => event.preventDefault();
    const kinds = ['beforeinput', 'paste', 'cut', 'drop'];
    kinds.forEach((kind) => element.addEventListener(kind, refuse));
    return () => kinds.forEach((kind) => element.removeEventListener(kind, refuse));
  }, []);

  function readSelection() {
    const element = container.current;
    const selection = window.getSelection();
    if (!element || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return;
    const selector = selectorOfUtf16Span(text, offsetIn(element, range.startContainer, range.startOffset), offsetIn(element, range.endContainer, range.endOffset));
    if (selector) onSelect(selector);
  }

  return (
    <div
      ref={container}
      className="article-text"
      lang={language ?? undefined}
      dir={direction}
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-label={label}
      tabIndex={0}
      contentEditable
      suppressContentEditableWarning
      spellCheck={false}
      onMouseUp={readSelection}
      onKeyUp={(event) => event.shiftKey && readSelection()}
      data-testid="article-text"
    >
      {piecesOfSpans(text, appearances).map((piece) =>
        piece.appearanceIds.length ? (
          <mark key={piece.offset} title={piece.appearanceIds.map((id) => statements.get(id)).join(' · ')} data-appearances={piece.appearanceIds.join(' ')}>
            {piece.text}
          </mark>
        ) : (
          <span key={piece.offset}>{piece.text}</span>
        ),
      )}
    </div>
  );
}

/** The UTF-16 offset in the container's text of a DOM boundary point (the length of the text before it). */
function offsetIn(container: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}
