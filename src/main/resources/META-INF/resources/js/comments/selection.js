/*
 * Draftroom comments: reports words selected in the rendered draft to the server, in the offsets the server counts
 * in (see org.draftroom.comments.ui.DraftMarks): the clause is the one whose heading (h1-h6.dr-clause with an id)
 * precedes the selection; its text is the concatenation of its non-blank text nodes up to the next clause heading.
 * Also: clicking a highlight opens its comments, and scrolling the draft tells the server which clause is on top.
 * Plain script, no build step. Offers window.draftroom.comments and then fires 'draftroom-comments' on window, so
 * that a call made before the script has loaded can wait for it (CommentedDraft.whenLoaded) instead of polling.
 */
(function () {
  'use strict';
  const draftroom = window.draftroom = window.draftroom || {};
  if (draftroom.comments) {
    return;
  }
  /** Each attached document element and the AbortController whose signal removes its listeners. */
  const attached = new Map();

  function isBlank(s) {
    return /^[ \t\n\f\r]*$/.test(s);
  }

  function isClauseHeading(el) {
    return el && el.nodeType === 1 && /^H[1-6]$/.test(el.tagName) && el.classList.contains('dr-clause');
  }

  /** The top-level child of doc that holds node, or null. */
  function topChild(doc, node) {
    while (node && node.parentNode !== doc) {
      node = node.parentNode;
    }
    return node;
  }

  /** The clause heading whose region holds node (the heading itself counts as its own clause), or null. */
  function clauseHeading(doc, node) {
    let el = topChild(doc, node);
    if (el && el.nodeType !== 1) {
      el = el.previousElementSibling || null;
    }
    while (el && !isClauseHeading(el)) {
      el = el.previousElementSibling;
    }
    return el && el.id ? el : null;
  }

  /** The non-blank text nodes of a clause's region, in document order. */
  function regionTexts(heading) {
    const texts = [];
    for (let el = heading.nextElementSibling; el && !isClauseHeading(el); el = el.nextElementSibling) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!isBlank(n.data)) {
          texts.push(n);
        }
      }
    }
    return texts;
  }

  /** {clauseId, start, end, text} of the selection in doc, or null. */
  function selectionIn(doc) {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
      return null;
    }
    const range = sel.getRangeAt(0);
    if (!doc.contains(range.startContainer)) {
      return null;
    }
    const heading = clauseHeading(doc, range.startContainer);
    if (!heading) {
      return null;
    }
    let acc = 0;
    let start = -1;
    let end = -1;
    let text = '';
    for (const n of regionTexts(heading)) {
      if (range.intersectsNode(n)) {
        const from = n === range.startContainer ? range.startOffset : 0;
        const to = n === range.endContainer ? range.endOffset : n.data.length;
        if (start < 0) {
          start = acc + from;
        }
        end = acc + to;
        text += n.data.substring(from, to);
      }
      acc += n.data.length;
    }
    if (start < 0 || end <= start || isBlank(text)) {
      return null;
    }
    return {clauseId: heading.id, start: start, end: end, text: text};
  }

  /**
   * Starts reporting the selection in doc to server (its $server.selected, markClicked and topClause). The
   * selectionchange listener sits on the whole page's document: detach(doc) removes it with doc's other listeners
   * (CommentedDraft calls detachRemoved() when it leaves the page; a listener that finds doc gone detaches too).
   */
  function attach(doc, server) {
    if (attached.has(doc)) {
      return;
    }
    const controller = new AbortController();
    const signal = controller.signal;
    attached.set(doc, controller);
    doc.__drComments = true;
    keyboardSelection(doc, signal);
    let timer = null;
    doc.__drLast = '';
    document.addEventListener('selectionchange', () => {
      clearTimeout(timer);
      if (!doc.isConnected) {
        detach(doc);
        return;
      }
      timer = setTimeout(() => {
        const s = selectionIn(doc);
        const key = s ? s.clauseId + ':' + s.start + ':' + s.end : '';
        if (key === doc.__drLast) {
          return;
        }
        doc.__drLast = key;
        if (s) {
          server.$server.selected(s.clauseId, s.start, s.end, s.text);
        } else if (!doc.contains(document.activeElement) || window.getSelection().isCollapsed) {
          server.$server.selected('', 0, 0, '');
        }
      }, 200);
    }, {signal});
    signal.addEventListener('abort', () => clearTimeout(timer));
    doc.addEventListener('click', (e) => {
      const mark = e.target.closest && e.target.closest('mark.dr-cmark');
      if (mark && window.getSelection().isCollapsed) {
        server.$server.markClicked(mark.dataset.comments || '');
      }
    }, {signal});
    let scrollTimer = null;
    let lastTop = '';
    doc.addEventListener('scroll', () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => {
        const top = doc.getBoundingClientRect().top;
        let current = '';
        for (const h of doc.querySelectorAll('.dr-clause[id]')) {
          if (h.getBoundingClientRect().top - top > 40) {
            break;
          }
          current = h.id;
        }
        if (current !== lastTop) {
          lastTop = current;
          server.$server.topClause(current);
        }
      }, 250);
    }, {signal});
    signal.addEventListener('abort', () => clearTimeout(scrollTimer));
  }

  /** Stops reporting for doc: removes every listener attach added, the page-level one included. */
  function detach(doc) {
    const controller = attached.get(doc);
    if (controller) {
      attached.delete(doc);
      controller.abort();
      delete doc.__drComments;
    }
  }

  /** Detaches every attached document element that is no longer in the page. */
  function detachRemoved() {
    [...attached.keys()].filter(doc => !doc.isConnected).forEach(detach);
  }

  /**
   * Selecting words with the keyboard (WCAG 2.1.1): the draft takes the focus (Tab), shows a caret at the start of
   * the first clause, and the arrow keys move it, with Shift they select (Ctrl/Alt moves by words, Home/End by lines), as in
   * an editor; the words selected are reported as a mouse selection is. Selection.modify works on text that is not
   * editable, so the draft stays read-only.
   */
  function keyboardSelection(doc, signal) {
    doc.setAttribute('tabindex', '0');
    doc.setAttribute('role', 'document');
    doc.addEventListener('focus', () => {
      const sel = window.getSelection();
      if (sel.rangeCount && doc.contains(sel.anchorNode)) {
        return;
      }
      // The caret starts in the text of the first clause, after the table of contents, which takes no comments.
      const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT,
        {acceptNode: n => isBlank(n.data) ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT});
      const clause = doc.querySelector('.dr-clause[id]');
      if (clause) {
        walker.currentNode = clause;
      }
      const first = walker.nextNode();
      if (first) {
        sel.collapse(first, 0);
      }
    }, {signal});
    const moves = {ArrowLeft: ['backward', 'character'], ArrowRight: ['forward', 'character'],
      ArrowUp: ['backward', 'line'], ArrowDown: ['forward', 'line'], Home: ['backward', 'lineboundary'],
      End: ['forward', 'lineboundary']};
    doc.addEventListener('keydown', e => {
      const move = moves[e.key];
      const sel = window.getSelection();
      if (!move || !sel.modify || !sel.rangeCount || !doc.contains(sel.anchorNode)) {
        return;
      }
      const unit = (e.ctrlKey || e.altKey) && move[1] === 'character' ? 'word' : move[1];
      sel.modify(e.shiftKey ? 'extend' : 'move', move[0], unit);
      e.preventDefault();
      const focus = sel.focusNode && (sel.focusNode.nodeType === 1 ? sel.focusNode : sel.focusNode.parentElement);
      if (focus && focus.scrollIntoView) {
        focus.scrollIntoView({block: 'nearest'});
      }
    }, {signal});
  }

  /** Scrolls to the first highlight of the comment (or else the clause heading) and makes it flash. */
  function reveal(doc, commentId, clauseId) {
    doc.querySelectorAll('mark.dr-cmark.dr-cmark-focus').forEach(m => m.classList.remove('dr-cmark-focus'));
    const marks = [...doc.querySelectorAll('mark.dr-cmark')]
      .filter(m => (m.dataset.comments || '').split(' ').includes(String(commentId)));
    marks.forEach(m => m.classList.add('dr-cmark-focus'));
    const target = marks[0] || (clauseId ? doc.querySelector('[id="' + CSS.escape(clauseId) + '"]') : null);
    if (target) {
      scrollTo(doc, target, !!marks[0]);
    }
  }

  /** Scrolls the document container (only it, not the page around it) to show target at its top or centre. */
  function scrollTo(doc, target, centre) {
    const offset = target.getBoundingClientRect().top - doc.getBoundingClientRect().top + doc.scrollTop;
    doc.scrollTop = Math.max(0, centre ? offset - doc.clientHeight / 2 : offset - 8);
  }

  /** Scrolls the document container to the heading of the clause. */
  function showClause(doc, clauseId) {
    const target = doc.querySelector('[id="' + CSS.escape(clauseId) + '"]');
    if (target) {
      scrollTo(doc, target, false);
    }
  }

  draftroom.comments = Object.freeze({attach, detach, detachRemoved, reveal, showClause, selectionIn});
  window.dispatchEvent(new Event('draftroom-comments'));
})();
