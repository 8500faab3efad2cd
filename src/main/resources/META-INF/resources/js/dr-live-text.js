/*
 * <dr-live-text>: the browser side of differential synchronization for one clause's text (docs/sync-protocol.md),
 * a step-by-step port of org.draftroom.editing.sync.ClientSync and TextDiffs. Plain JavaScript, no build: needs the
 * diff-match-patch WebJar (global diff_match_patch) loaded before it.
 *
 * Everything it offers the page is under one global, window.draftroom.live: keepWork() (below), and for tests the
 * protocol without the element: codec (the messages as objects with the field names of the Java records),
 * ClientSync (the client's steps, as the Java class), diff, delta, fuzzyApply, wellFormed. The shared test vectors
 * (src/test/resources/editing-sync/vectors.json) run against these in Chromium and against the Java engine.
 *
 * The element's Java component (org.draftroom.editing.ui.LiveText) offers two server calls:
 *   $server.open(clauseId, earlier) -> "DS1 J clientId clauseId epoch maxLength\n" + text   (join or resync);
 *     earlier "clientId epoch" names edits sent without every answer seen: the answer then begins "DS1 A taken\n"
 *   $server.sync(message)  -> "DS1 S ..." answer, or "DS1 R REASON [resync]\n"      (one message in flight)
 * and calls openClause(clauseId), syncNow() and close() on it.
 *
 * Sync: every 250 ms while typing, on a "sync now" push (at most one per 100 ms), every 2 s when idle. Nothing incoming touches the
 * textarea while an IME composition is open: answers wait until the composition ends. All offsets are UTF-16 units.
 *
 * Keeping work (docs/editing-decision.md): while typed text is not yet acknowledged, a copy of it, of the text it
 * was typed on and of the edits already sent stays in localStorage (key "<store-key attribute>:<clauseId>"); opening
 * that clause again, after a closed tab, a crash or an expired session, asks how many of those edits the server took,
 * rebases the rest onto the server's text and sends it. Closing or reloading the page with unsent text asks first
 * (beforeunload); draftroom.live.keepWork() sends what is unsent in every editor on the page (sign-out calls it).
 */
(function () {
  'use strict';
  const draftroom = window.draftroom = window.draftroom || {};
  if (draftroom.live || customElements.get('dr-live-text')) {
    return;
  }
  const TYPING_DELAY = 250;
  const POLL_INTERVAL = 2000;
  const ANSWER_TIMEOUT = 4000;
  const MAX_EDITS = 64;
  /** At most one sync per this many ms because of "sync now" pushes (many typists push many times a second). */
  const PUSH_INTERVAL = 100;
  /** How long leaving the screen waits for unsent typing to be acknowledged. */
  const KEEP_WAIT = 3000;

  const dmp = new diff_match_patch();
  // No deadline: a diff cut short by one is coarse and depended on the machine's load (TextDiffs); the work is
  // bounded by WORK_BUDGET instead, the same number as TextDiffs.WORK_BUDGET.
  dmp.Diff_Timeout = 0;
  const WORK_BUDGET = 20000000;
  const LEVELS = 2;
  const TOKEN_ENDS = '.,;:!?()[]{}<>"\'/-。，、；：！？（）《》「」『』“”‘’…';

  const isHigh = c => c >= 0xD800 && c <= 0xDBFF;
  const isLow = c => c >= 0xDC00 && c <= 0xDFFF;

  /** The text without unpaired surrogates (TextDiffs.wellFormed). */
  function wellFormed(text) {
    let out = null;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
        if (out !== null) { out += text.substr(i, 2); }
        i++;
      } else if (isHigh(c) || isLow(c)) {
        if (out === null) { out = text.substring(0, i); }
      } else if (out !== null) {
        out += text.charAt(i);
      }
    }
    return out === null ? text : out;
  }

  /** Moves split surrogate pairs into the neighbouring change (TextDiffs.surrogateSafe). */
  function surrogateSafe(diffs) {
    const out = [];
    let deleted = '';
    let inserted = '';
    const appendEqual = text => {
      if (out.length && out[out.length - 1][0] === DIFF_EQUAL) {
        out[out.length - 1][1] += text;
      } else {
        out.push([DIFF_EQUAL, text]);
      }
    };
    const flush = () => {
      if (deleted === inserted) {
        if (deleted.length) { appendEqual(deleted); }
      } else {
        if (deleted.length) { out.push([DIFF_DELETE, deleted]); }
        if (inserted.length) { out.push([DIFF_INSERT, inserted]); }
      }
      deleted = '';
      inserted = '';
    };
    diffs.forEach((d, index) => {
      if (d[0] === DIFF_DELETE) { deleted += d[1]; return; }
      if (d[0] === DIFF_INSERT) { inserted += d[1]; return; }
      let text = d[1];
      const changePending = deleted.length > 0 || inserted.length > 0;
      if (changePending && text.length && isLow(text.charCodeAt(0))) {
        deleted += text.charAt(0);
        inserted += text.charAt(0);
        text = text.substring(1);
      }
      const last = index === diffs.length - 1;
      let carried = '';
      if (!last && text.length && isHigh(text.charCodeAt(text.length - 1))) {
        carried = text.substring(text.length - 1);
        text = text.substring(0, text.length - 1);
      }
      if (text.length) {
        flush();
        appendEqual(text);
      }
      deleted += carried;
      inserted += carried;
    });
    flush();
    return out.map(d => new diff_match_patch.Diff(d[0], d[1]));
  }

  /** Whether a and b are at most WORK_BUDGET / (|a| + |b|) edits apart (TextDiffs.withinBudget). */
  function withinBudget(a, b) {
    const n = a.length;
    const m = b.length;
    const max = Math.min(n + m, Math.floor(WORK_BUDGET / (n + m)));
    if (max >= n + m) { return true; }
    const offset = max + 1;
    const v = new Int32Array(2 * max + 3);
    for (let d = 0; d <= max; d++) {
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1] : v[offset + k - 1] + 1;
        let y = x - k;
        while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) { x++; y++; }
        v[offset + k] = x;
        if (x >= n && y >= m) { return true; }
      }
    }
    return false;
  }

  function endsToken(text, i, level) {
    const c = text.charAt(i);
    if (level === 0) { return c === '\n'; }
    if (isHigh(text.charCodeAt(i))) { return false; }
    return /\s/.test(c) || TOKEN_ENDS.indexOf(c) >= 0;
  }

  /** One character per token (line or word) of text, or null past 65,000 distinct tokens (TextDiffs.encode). */
  function encode(text, level, codes, tokens) {
    let out = '';
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (endsToken(text, i, level) || i === text.length - 1) {
        const token = text.substring(start, i + 1);
        let code = codes.get(token);
        if (code === undefined) {
          if (tokens.length >= 65000) { return null; }
          code = String.fromCharCode(tokens.length);
          codes.set(token, code);
          tokens.push(token);
        }
        out += code;
        start = i + 1;
      }
    }
    return out;
  }

  function byTokens(a, b, level) {
    const codes = new Map();
    const tokens = [];
    const codedA = encode(a, level, codes, tokens);
    const codedB = encode(b, level, codes, tokens);
    if (codedA === null || codedB === null || (codedA.length === 1 && codedB.length === 1)
        || !withinBudget(codedA, codedB)) {
      return null;
    }
    const out = [];
    let deleted = '';
    let inserted = '';
    for (const d of dmp.diff_main(codedA, codedB, false)) {
      let text = '';
      for (let i = 0; i < d[1].length; i++) { text += tokens[d[1].charCodeAt(i)]; }
      if (d[0] === DIFF_DELETE) {
        deleted += text;
      } else if (d[0] === DIFF_INSERT) {
        inserted += text;
      } else {
        out.push(...middle(deleted, inserted, level + 1));
        deleted = '';
        inserted = '';
        out.push(new diff_match_patch.Diff(DIFF_EQUAL, text));
      }
    }
    out.push(...middle(deleted, inserted, level + 1));
    return out;
  }

  function middle(a, b, level) {
    if (!a.length || !b.length) {
      const out = [];
      if (a.length) { out.push(new diff_match_patch.Diff(DIFF_DELETE, a)); }
      if (b.length) { out.push(new diff_match_patch.Diff(DIFF_INSERT, b)); }
      return out;
    }
    if (withinBudget(a, b)) { return dmp.diff_main(a, b, false); }
    for (let l = level; l < LEVELS; l++) {
      const tokens = byTokens(a, b, l);
      if (tokens !== null) { return tokens; }
    }
    return [new diff_match_patch.Diff(DIFF_DELETE, a), new diff_match_patch.Diff(DIFF_INSERT, b)];
  }

  /**
   * A diff without cleanup that depends on the texts only (TextDiffs.exact): exact where they are few edits apart
   * for their length, else by lines, then words, then characters; its work is bounded by WORK_BUDGET.
   */
  function exact(a, b) {
    const prefix = dmp.diff_commonPrefix(a, b);
    const suffix = dmp.diff_commonSuffix(a.substring(prefix), b.substring(prefix));
    const out = [];
    if (prefix > 0) { out.push(new diff_match_patch.Diff(DIFF_EQUAL, a.substring(0, prefix))); }
    out.push(...middle(a.substring(prefix, a.length - suffix), b.substring(prefix, b.length - suffix), 0));
    if (suffix > 0) { out.push(new diff_match_patch.Diff(DIFF_EQUAL, a.substring(a.length - suffix))); }
    return out;
  }

  /** Each run of changes that deletes and inserts, rediffed exactly (TextDiffs.refined). */
  function refined(change) {
    const out = [];
    let deleted = '';
    let inserted = '';
    const flushRun = () => {
      out.push(...(deleted.length && inserted.length ? exact(deleted, inserted) : middle(deleted, inserted, LEVELS)));
      deleted = '';
      inserted = '';
    };
    for (const d of change) {
      if (d[0] === DIFF_EQUAL) {
        flushRun();
        out.push(d);
      } else if (d[0] === DIFF_DELETE) {
        deleted += d[1];
      } else {
        inserted += d[1];
      }
    }
    flushRun();
    return out;
  }

  /** The text diffs inserts between from and to of its second text (TextDiffs.inserted). */
  function insertedWithin(diffs, from, to) {
    let out = '';
    let c2 = 0;
    for (const d of diffs) {
      if (c2 >= to) { break; }
      if (d[0] === DIFF_DELETE) { continue; }
      const end = c2 + d[1].length;
      if (d[0] === DIFF_INSERT && end > from) {
        out += d[1].substring(Math.max(from, c2) - c2, Math.min(to, end) - c2);
      }
      c2 = end;
    }
    return out;
  }

  function diff(a, b) {
    const d = exact(a, b);
    if (d.length > 2) { dmp.diff_cleanupEfficiency(d); }
    return surrogateSafe(d);
  }

  /**
   * Whether the server's text already holds what was typed on base (diffs): every inserted run of two or more
   * characters occurs in it more often than in base. Only then is a kept copy dropped instead of applied.
   */
  function alreadyOnServer(base, diffs, serverText) {
    const occurrences = (text, run) => text.split(run).length - 1;
    let inserted = false;
    for (const [op, run] of diffs) {
      if (op === DIFF_INSERT && run.trim().length >= 2) {
        inserted = true;
        if (occurrences(serverText, run) <= occurrences(base, run)) {
          return false;
        }
      }
    }
    return inserted;
  }

  /**
   * An open answer that begins "DS1 A taken\n" (how many of the earlier client's edits the server took): [taken, the
   * rest]; any other answer: [null, answer].
   */
  function takenFrom(answer) {
    const m = /^DS1 A ([0-9]{1,18})\n/.exec(answer);
    return m ? [Number(m[1]), answer.substring(m[0].length)] : [null, answer];
  }

  /** The text a diff-match-patch delta made on text gives. */
  function afterDelta(text, d) {
    return dmp.diff_text2(dmp.diff_fromDelta(text, d));
  }

  /** Where loc of the diff's first text is in its second, before (or after) text inserted at that place. */
  function mapIndex(diffs, loc, afterInserts) {
    let c1 = 0;
    let c2 = 0;
    for (const d of diffs) {
      const op = d[0];
      const length = d[1].length;
      if (op === DIFF_INSERT) {
        if (!afterInserts && c1 === loc) { return c2; }
        c2 += length;
      } else if (op === DIFF_EQUAL) {
        if (afterInserts ? loc < c1 + length : loc <= c1 + length) { return c2 + (loc - c1); }
        c1 += length;
        c2 += length;
      } else {
        if (loc < c1 + length) { return c2; }
        c1 += length;
      }
    }
    return c2;
  }

  /**
   * Applies diffs made on base to target, which may differ by others' edits (TextDiffs.fuzzyApply): each part of the
   * change moves by offset through the exact diff from base to target, never by a context search, which lands in the
   * wrong place when someone has just typed next to it. An insertion goes before others' text inserted at the same
   * place; a deletion never deletes what others inserted (at its edges it stays put, inside it follows the
   * insertion), and a coarse change is first rediffed exactly, so it lands around the typing here, not over it.
   */
  function fuzzyApply(base, diffs, target) {
    const moved = exact(base, target);
    const ops = [];
    let at = 0;
    for (const d of refined(diffs)) {
      const op = d[0];
      const text = d[1];
      const last = ops.length ? ops[ops.length - 1] : null;
      if (op === DIFF_EQUAL) {
        at += text.length;
      } else if (op === DIFF_DELETE) {
        if (last && last.end === at && last.insert === '') {
          last.end = at + text.length;
        } else {
          ops.push({start: at, end: at + text.length, insert: ''});
        }
        at += text.length;
      } else {
        if (last && last.end === at) {
          last.insert += text;
        } else {
          ops.push({start: at, end: at, insert: text});
        }
      }
    }
    let out = target;
    for (let k = ops.length - 1; k >= 0; k--) {
      const op = ops[k];
      const deletes = op.end > op.start;
      const start = mapIndex(moved, op.start, deletes);
      const end = deletes ? Math.max(start, mapIndex(moved, op.end, false)) : start;
      out = out.substring(0, start) + op.insert + insertedWithin(moved, start, end) + out.substring(end);
    }
    return wellFormed(out);
  }

  /** The delta that turns a into b (TextDiffs.delta). */
  function delta(a, b) {
    return dmp.diff_toDelta(diff(a, b));
  }

  /*
   * The messages (SyncCodec, docs/sync-protocol.md "Messages"). A header line is "DS1 <kind>" and the named fields
   * below, in this order, separated by one space; a message is read into an object with these names (those of the
   * Java records) and written from one, never picked apart by position elsewhere.
   */
  const MAGIC = 'DS1';
  const HEADERS = {
    C: ['clientId', 'clauseId', 'epoch', 'seq', 'serverVersionAcked', 'editCount'],
    S: ['clientId', 'clauseId', 'epoch', 'seq', 'clientVersionAcked', 'editCount'],
    J: ['clientId', 'clauseId', 'epoch', 'maxLength'],
  };
  const ID_FIELDS = new Set(['clientId', 'clauseId']);
  const ID = /^[A-Za-z0-9._:@-]{1,128}$/;
  const NUMBER = /^[0-9]{1,15}$/;
  /** An edit line: clientVersion serverVersion delta (the delta may hold spaces, never a line break). */
  const EDIT_LINE = /^([0-9]{1,15}) ([0-9]{1,15}) (.*)$/;

  /** The fields of a header line of the given kind, or null if it is not one. */
  function readHeader(line, kind) {
    const words = line.split(' ');
    const names = HEADERS[kind];
    if (words[0] !== MAGIC || words[1] !== kind || words.length !== names.length + 2) {
      return null;
    }
    const fields = {};
    for (let i = 0; i < names.length; i++) {
      const word = words[i + 2];
      if (ID_FIELDS.has(names[i]) ? !ID.test(word) : !NUMBER.test(word)) {
        return null;
      }
      fields[names[i]] = ID_FIELDS.has(names[i]) ? word : Number(word);
    }
    return fields;
  }

  function writeHeader(kind, fields) {
    return [MAGIC, kind, ...HEADERS[kind].map(name => fields[name])].join(' ') + '\n';
  }

  /** A client or server message (C or S) from its fields, edits included. */
  function encodeMessage(kind, message) {
    let out = writeHeader(kind, Object.assign({}, message, {editCount: message.edits.length}));
    for (const e of message.edits) {
      out += e.clientVersion + ' ' + e.serverVersion + ' ' + e.delta + '\n';
    }
    return out;
  }

  /** A C or S message read into its fields, or null if it is not one well formed. */
  function decodeMessage(kind, text) {
    const lines = text.split('\n');
    const header = readHeader(lines[0], kind);
    if (header === null || lines.length !== header.editCount + 2 || lines[lines.length - 1] !== '') {
      return null;
    }
    const edits = [];
    for (let i = 1; i <= header.editCount; i++) {
      const fields = EDIT_LINE.exec(lines[i]);
      if (fields === null) {
        return null;
      }
      edits.push({clientVersion: Number(fields[1]), serverVersion: Number(fields[2]), delta: fields[3]});
    }
    delete header.editCount;
    header.edits = edits;
    return header;
  }

  const codec = Object.freeze({
    /** A ClientMessage {clientId, clauseId, epoch, seq, serverVersionAcked, edits} as text. */
    encodeClient: message => encodeMessage('C', message),
    decodeClient: text => decodeMessage('C', text),
    encodeServer: message => encodeMessage('S', message),
    /** A ServerMessage {clientId, clauseId, epoch, seq, clientVersionAcked, edits}, or null if malformed. */
    decodeServer: text => decodeMessage('S', text),
    /** "DS1 J ..." + text: {clientId, clauseId, epoch, maxLength, text}, or null. */
    decodeJoined(text) {
      const newline = text.indexOf('\n');
      const header = newline < 0 ? null : readHeader(text.substring(0, newline), 'J');
      return header && Object.assign(header, {text: text.substring(newline + 1)});
    },
    /** "DS1 R REASON [resync]": {reason, resync}, or null. */
    decodeRefusal(text) {
      const words = text.replace(/\n$/, '').split(' ');
      if (words[0] !== MAGIC || words[1] !== 'R' || !words[2] || words.length > 4
          || (words.length === 4 && words[3] !== 'resync')) {
        return null;
      }
      return {reason: words[2], resync: words[3] === 'resync'};
    },
    /** "DS1 X message" (a clause that cannot be opened): the message for the person, or null. */
    decodeProblem: text => text.startsWith(MAGIC + ' X ') ? text.substring(MAGIC.length + 3) : null,
  });

  /**
   * The client's side of the protocol for one clause, step by step as org.draftroom.editing.sync.ClientSync (same
   * names, same results): text is what the user edits, shadow with versions n and m what the server's shadow of it
   * is, stack the edits the server has not acknowledged. One message in flight; only the answer to the latest is
   * applied. Knows nothing of the page: the element below keeps text and its textarea in step.
   */
  class ClientSync {
    /** @param snapshot {clientId, clauseId, epoch, text} */
    constructor(snapshot, maxEdits = MAX_EDITS) {
      this.maxEdits = maxEdits;
      this.start(snapshot);
    }

    start(snapshot) {
      this.clientId = snapshot.clientId;
      this.clauseId = snapshot.clauseId;
      this.epoch = snapshot.epoch;
      this.shadow = snapshot.text;
      this.text = snapshot.text;
      this.n = 0;
      this.m = 0;
      this.seq = 0;
      this.answered = true;
      this.stack = [];
      /** The shadow the first stacked edit was made on (the stack's edits, in order, turn it into the shadow). */
      this.stackBase = snapshot.text;
    }

    /** The user deleted deleteCount units at offset and inserted insert there. */
    edit(offset, deleteCount, insert) {
      this.text = this.text.substring(0, offset) + insert + this.text.substring(offset + deleteCount);
    }

    hasUnacknowledged() {
      return this.stack.length > 0 || this.text !== this.shadow;
    }

    pendingEdits() {
      return this.stack.length;
    }

    /** The next message (a ClientMessage's fields): stacks the typing as an edit while the stack has room. */
    nextMessage() {
      this.text = wellFormed(this.text);
      if (this.text !== this.shadow && this.stack.length < this.maxEdits) {
        if (this.stack.length === 0) { this.stackBase = this.shadow; }
        this.stack.push({clientVersion: this.n, serverVersion: this.m, delta: delta(this.shadow, this.text)});
        this.shadow = this.text;
        this.n++;
      }
      this.answered = false;
      this.seq++;
      return {clientId: this.clientId, clauseId: this.clauseId, epoch: this.epoch, seq: this.seq,
        serverVersionAcked: this.m, edits: this.stack.slice()};
    }

    /** Applies a server message (its fields): 'APPLIED', 'IGNORED' (acknowledgements still honoured) or 'RESYNC_NEEDED'. */
    receive(message) {
      if (message.epoch !== this.epoch || message.clientId !== this.clientId || message.seq > this.seq) {
        return 'IGNORED';
      }
      this.dropAcknowledged(message.clientVersionAcked);
      if (message.seq !== this.seq || this.answered) {
        return 'IGNORED';
      }
      this.answered = true;
      for (const edit of message.edits) {
        if (edit.serverVersion < this.m) { continue; }
        if (edit.serverVersion > this.m || edit.clientVersion > this.n) { return 'RESYNC_NEEDED'; }
        if (edit.clientVersion < this.n) { continue; }
        let change;
        try {
          change = dmp.diff_fromDelta(this.shadow, edit.delta);
        } catch (e) {
          return 'RESYNC_NEEDED';
        }
        const newShadow = dmp.diff_text2(change);
        this.text = this.text === this.shadow ? newShadow : fuzzyApply(this.shadow, change, this.text);
        this.shadow = newShadow;
        this.m++;
      }
      return 'APPLIED';
    }

    /** Drops the stacked edits numbered below acked (the server has them), moving stackBase past them. */
    dropAcknowledged(acked) {
      const kept = this.stack.filter(e => e.clientVersion >= acked);
      if (kept.length > 0 && kept.length < this.stack.length) {
        this.stackBase = this.textAfter(this.stack.length - kept.length);
      }
      this.stack = kept;
    }

    /** stackBase with the first count stacked edits applied. */
    textAfter(count) {
      let text = this.stackBase;
      for (let i = 0; i < count; i++) {
        text = afterDelta(text, this.stack[i].delta);
      }
      return text;
    }

    /**
     * Starts again from a snapshot, with what the server does not have of the typing rebased onto its text: the
     * typing after the stacked edits the server took (taken, how many edits of this epoch it took; when not known,
     * every stacked edit counts as taken). Nothing typed is lost, nothing the server took comes twice.
     */
    resync(snapshot, taken) {
      const current = this.text;
      const inStack = taken === undefined || taken === null ? this.stack.length
        : this.stack.filter(e => e.clientVersion < taken).length;
      const base = inStack === this.stack.length ? this.shadow : this.textAfter(inStack);
      this.start(snapshot);
      if (current !== base) {
        this.text = fuzzyApply(base, diff(base, current), snapshot.text);
      }
    }
  }

  /** Sends what is unsent in every live editor on the page; resolves when answered (or after a few seconds). */
  const keepWork = () => Promise.all([...document.querySelectorAll('dr-live-text')].map(e => e.keepWork()));

  draftroom.live = Object.freeze({keepWork, codec, ClientSync, diff, delta, fuzzyApply, wellFormed});

  window.addEventListener('beforeunload', e => {
    let unsent = false;
    document.querySelectorAll('dr-live-text').forEach(editor => {
      if (editor.hasUnsent()) {
        editor.keepLocal();
        unsent = true;
      }
    });
    if (unsent) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  class DrLiveText extends HTMLElement {
    constructor() {
      super();
      /** The clause open here ('' when none); its protocol state is in client. */
      this.clauseId = '';
      /** The protocol state of the open clause (ClientSync), null before the first one opens. */
      this.client = null;
      this.inFlight = false;
      this.sentAt = 0;
      this.composing = false;
      this.deferred = null;
      this.timer = null;
      this.offline = false;
      this.maxLength = 200000;
      /** The last text the server has acknowledged completely (for tests and the crash check). */
      this.acknowledgedText = '';
      this.texts = {synced: '', pending: '', offline: '', tooLong: '', resynced: '', ended: '', restored: ''};
      this.syncs = 0;
      this.pushes = 0;
      this.resyncs = 0;
      this.connectionLost = false;
    }

    connectedCallback() {
      if (!this.textarea) {
        this.status = document.createElement('div');
        this.status.className = 'dr-live-status';
        this.status.setAttribute('aria-live', 'polite');
        this.problem = document.createElement('div');
        this.problem.className = 'dr-live-problem';
        this.textarea = document.createElement('textarea');
        this.textarea.disabled = true;
        this.textarea.spellcheck = false;
        this.textarea.setAttribute('aria-label', this.getAttribute('label') || '');
        this.append(this.textarea, this.status, this.problem);
        this.textarea.addEventListener('input', () => this.typed());
        this.textarea.addEventListener('compositionstart', () => { this.composing = true; });
        this.textarea.addEventListener('compositionend', () => {
          this.composing = false;
          const waiting = this.deferred;
          this.deferred = null;
          if (waiting) { this.receive(waiting); }
          this.schedule(0);
        });
        this.textarea.addEventListener('paste', e => this.checkPaste(e));
      }
      this.poller = setInterval(() => {
        if (!this.clauseId) {
          if (this.$server) { this.$server.ping(); }
        } else if (!this.inFlight) {
          this.schedule(0);
        }
      }, POLL_INTERVAL);
      const state = window.Vaadin && window.Vaadin.connectionState;
      if (state && state.addStateChangeListener && !this.stateListener) {
        // Vaadin goes loading -> connected around every server round trip, each sync included: only a return
        // from reconnecting/connection-lost is a reconnection worth syncing at once for (else every answer
        // would trigger the next sync, back to back).
        this.stateListener = (previous, next) => {
          if (next === 'connected') {
            this.setOffline(false);
            if (this.connectionLost) {
              this.connectionLost = false;
              this.schedule(0);
            }
          } else if (next === 'reconnecting' || next === 'connection-lost') {
            this.connectionLost = true;
            this.setOffline(true);
          }
        };
        state.addStateChangeListener(this.stateListener);
      }
    }

    disconnectedCallback() {
      clearInterval(this.poller);
      clearTimeout(this.timer);
      this.timer = null;
      const state = window.Vaadin && window.Vaadin.connectionState;
      if (state && this.stateListener && state.removeStateChangeListener) {
        state.removeStateChangeListener(this.stateListener);
        this.stateListener = null;
      }
    }

    /** Texts in the user's language, from the Java component. */
    setTexts(texts) {
      this.texts = Object.assign(this.texts, texts);
      this.showStatus();
    }

    /** Opens a clause: sends what is still unsent of the current one first, then joins the new one. */
    async openClause(clauseId) {
      await this.flush();
      this.clauseId = '';
      this.textarea.disabled = true;
      // A copy kept of typing sent before the page closed: ask how much of it the server took.
      const copy = this.readLocal(clauseId);
      const earlier = copy && typeof copy.clientId === 'string' && Array.isArray(copy.edits) && copy.edits.length > 0
        ? copy.clientId + ' ' + copy.epoch : '';
      const [taken, answer] = takenFrom(await this.$server.open(clauseId, earlier));
      const problem = codec.decodeProblem(answer);
      const joined = codec.decodeJoined(answer);
      if (problem !== null || joined === null) {
        this.close();
        this.showProblem(problem);
        return;
      }
      this.start(joined, false, taken);
      this.textarea.disabled = false;
    }

    /** Leaves the clause (it was deleted, or the editor closes). */
    close() {
      this.clauseId = '';
      this.textarea.value = '';
      this.textarea.disabled = true;
      this.showStatus();
    }

    /**
     * A push from the server: someone else changed this clause. Several pushes within PUSH_INTERVAL make one sync;
     * a push while a message is in flight is remembered and synced for when the answer arrives (it used to be
     * dropped, leaving the change to the next 2 s poll).
     */
    syncNow() {
      this.pushes++;
      this.pushed = true;
      this.schedule(Math.max(0, this.sentAt + PUSH_INTERVAL - Date.now()));
    }

    /** Sends until everything typed is acknowledged, for at most a few rounds (before switching clauses). */
    async flush() {
      for (let i = 0; i < 10 && this.hasUnsent(); i++) {
        await new Promise(resolve => {
          this.onAnswered = resolve;
          this.schedule(0);
          setTimeout(resolve, ANSWER_TIMEOUT);
        });
      }
    }

    typed() {
      this.keepLocal();
      this.showStatus();
      this.schedule(TYPING_DELAY);
    }

    checkPaste(e) {
      const pasted = (e.clipboardData && e.clipboardData.getData('text')) || '';
      const ta = this.textarea;
      const after = ta.value.length - (ta.selectionEnd - ta.selectionStart) + pasted.length;
      if (after > this.maxLength) {
        e.preventDefault();
        this.showProblem(this.texts.tooLong);
      }
    }

    schedule(delay) {
      if (this.timer !== null) {
        if (delay > 0) { return; }
        clearTimeout(this.timer);
      }
      this.timer = setTimeout(() => { this.timer = null; this.send(); }, delay);
    }

    send() {
      if (!this.clauseId || this.composing || !this.$server || this.ended) {
        return;
      }
      if (this.inFlight && Date.now() - this.sentAt < ANSWER_TIMEOUT) {
        return; // the answer schedules the next message
      }
      const ta = this.textarea;
      let text = wellFormed(ta.value);
      if (text !== ta.value) { this.setText(text); }
      if (text.length > this.maxLength) {
        this.showProblem(this.texts.tooLong);
        return;
      }
      const client = this.client;
      client.text = text;
      const message = client.nextMessage();
      if (message.edits.length > 0) {
        this.keepLocal(); // the copy names the edits now on their way
      }
      this.pushed = false;
      this.inFlight = true;
      this.sentAt = Date.now();
      const seq = message.seq;
      const epoch = message.epoch;
      const current = () => this.client === client && client.epoch === epoch && client.seq === seq;
      this.syncs++;
      setTimeout(() => { if (this.inFlight && current()) { this.setOffline(true); } }, ANSWER_TIMEOUT);
      this.$server.sync(codec.encodeClient(message)).then(answer => {
        if (current()) { this.inFlight = false; }
        this.setOffline(false);
        if (this.client !== client || client.epoch !== epoch) { return; }
        if (this.composing) {
          this.deferred = answer; // applied when the composition ends
          return;
        }
        this.receive(answer);
      }, () => {
        if (current()) { this.inFlight = false; }
        this.setOffline(true);
        this.schedule(1000);
      });
    }

    /** Applies an answer (ClientSync.receive), or resynchronises when told. */
    receive(answer) {
      const refusal = codec.decodeRefusal(answer);
      if (refusal !== null) {
        if (refusal.resync) {
          this.resync(refusal.reason);
        } else if (refusal.reason === 'UNKNOWN_CLIENT') {
          // Refused for good (signed out, no longer allowed, connection ended): keep the text, say so, stop sending.
          this.ended = true;
          this.problem.textContent = this.texts.ended;
        }
        this.answeredNow();
        return;
      }
      const message = codec.decodeServer(answer);
      const client = this.client;
      if (message === null || client === null) {
        return;
      }
      const unacknowledged = client.pendingEdits();
      client.text = this.textarea.value;
      const result = client.receive(message);
      this.setText(client.text);
      if (result === 'RESYNC_NEEDED') {
        this.resync(result);
        return;
      }
      if (result !== 'APPLIED') {
        return;
      }
      if (message.edits.length > 0 || client.pendingEdits() < unacknowledged) {
        // The clause's text changed on the server (for the preview and the structure warnings beside it).
        this.dispatchEvent(new CustomEvent('dr-acknowledged'));
      }
      if (client.pendingEdits() === 0) {
        this.acknowledgedText = client.shadow;
        if (this.textarea.value === client.shadow) {
          this.keepLocal();
        } else {
          this.schedule(TYPING_DELAY);
        }
      }
      this.answeredNow();
    }

    answeredNow() {
      this.showStatus();
      if (this.onAnswered) {
        const done = this.onAnswered;
        this.onAnswered = null;
        done();
      }
      if (this.hasUnsent()) {
        this.schedule(TYPING_DELAY);
      } else if (this.pushed) {
        this.schedule(Math.max(0, this.sentAt + PUSH_INTERVAL - Date.now()));
      }
    }

    /** Joins again and rebases the unsent typing onto the server's text; an oversized change is dropped. */
    async resync(reason) {
      const clauseId = this.clauseId;
      if (!clauseId) { return; }
      this.resyncs++;
      const earlier = this.client ? this.client.clientId + ' ' + this.client.epoch : '';
      const [taken, answer] = takenFrom(await this.$server.open(clauseId, earlier));
      const joined = codec.decodeJoined(answer);
      if (joined === null) {
        // The clause cannot be joined again (deleted, access withdrawn): keep the text on screen to copy, stop.
        this.clauseId = '';
        this.textarea.readOnly = true;
        this.problem.textContent = codec.decodeProblem(answer) || '';
        return;
      }
      const tooLarge = reason === 'TEXT_TOO_LONG' || reason === 'MESSAGE_TOO_LARGE' || reason === 'TOO_MANY_EDITS';
      this.start(joined, !tooLarge, taken);
      this.showProblem(tooLarge ? this.texts.tooLong : this.texts.resynced);
    }

    /**
     * Starts from a join answer (codec.decodeJoined): on the same clause with keepTyping, the typing not yet in the
     * old shadow is rebased onto the new text (ClientSync.resync); on another clause, a copy kept in localStorage is.
     */
    start(joined, keepTyping, taken) {
      const sameClause = this.client !== null && this.clauseId === joined.clauseId;
      this.maxLength = joined.maxLength;
      this.inFlight = false;
      this.deferred = null;
      if (keepTyping && sameClause) {
        this.client.text = this.textarea.value;
        this.client.resync(joined, taken);
        this.setText(this.client.text);
      } else {
        const restored = sameClause ? null : this.restoreLocal(joined.clauseId, joined.text, taken);
        this.client = new ClientSync(joined);
        if (restored !== null) {
          this.textarea.value = restored;
          this.showProblem(this.texts.restored);
        } else {
          this.textarea.value = joined.text;
        }
      }
      this.clauseId = joined.clauseId;
      this.acknowledgedText = joined.text;
      this.textarea.readOnly = false;
      this.showStatus();
      if (this.textarea.value !== joined.text) { this.schedule(0); }
    }

    /** Replaces the textarea's text, keeping the caret and selection where they were in the text around them. */
    setText(text) {
      const ta = this.textarea;
      const old = ta.value;
      if (old === text) { return; }
      const focused = document.activeElement === ta;
      const start = ta.selectionStart;
      const end = ta.selectionEnd;
      const scroll = ta.scrollTop;
      ta.value = text;
      if (focused) {
        const d = exact(old, text);
        ta.setSelectionRange(dmp.diff_xIndex(d, start), dmp.diff_xIndex(d, end));
      }
      ta.scrollTop = scroll;
    }

    setOffline(offline) {
      if (this.offline !== offline) {
        this.offline = offline;
        this.toggleAttribute('offline', offline);
        this.showStatus();
      }
    }

    showProblem(text) {
      this.problem.textContent = text || '';
      clearTimeout(this.problemTimer);
      this.problemTimer = setTimeout(() => { this.problem.textContent = ''; }, 8000);
    }

    showStatus() {
      if (!this.status) { return; }
      let text = '';
      if (this.offline) {
        text = this.texts.offline;
      } else if (this.clauseId) {
        text = this.hasUnsent() ? this.texts.pending : this.texts.synced;
      }
      this.status.textContent = text;
    }

    /**
     * Inserts text at the caret (replacing the selection) as if typed: list items, notes, examples and
     * cross-references from the editor's toolbar. A leading "\n" is dropped at the start of a line.
     */
    insertText(text) {
      const ta = this.textarea;
      if (!this.clauseId || ta.disabled || ta.readOnly) { return; }
      const start = ta.selectionStart;
      const atLineStart = start === 0 || ta.value.charAt(start - 1) === '\n';
      const insert = atLineStart ? text.replace(/^\n+/, '') : text;
      ta.focus();
      ta.setRangeText(insert, start, ta.selectionEnd, 'end');
      this.typed();
    }

    /**
     * Before the page goes (leaving the screen, signing out): keeps a local copy, then sends what is unsent, waiting
     * at most KEEP_WAIT ms for the answers (offline, the local copy is what remains).
     */
    keepWork() {
      this.keepLocal();
      return Promise.race([this.flush(), new Promise(resolve => setTimeout(resolve, KEEP_WAIT))]);
    }

    hasUnsent() {
      return !!this.clauseId && this.client !== null
          && (this.textarea.value !== this.client.shadow || this.client.pendingEdits() > 0);
    }

    localKey(clauseId) {
      const prefix = this.getAttribute('store-key');
      return prefix && clauseId ? prefix + ':' + clauseId : null;
    }

    /** Keeps the unacknowledged typing in localStorage, or forgets the copy once everything is acknowledged. */
    keepLocal() {
      const key = this.localKey(this.clauseId);
      if (!key) { return; }
      const client = this.client;
      try {
        if (this.textarea.value === this.acknowledgedText && (!client || client.pendingEdits() === 0)) {
          window.localStorage.removeItem(key);
        } else {
          // from: the text the server surely has (null: the same as base); edits: the sent edits it may have taken
          // (numbered, in order, made on from), so that reopening carries exactly what it did not take.
          const from = !client ? this.acknowledgedText : client.stack.length > 0 ? client.stackBase : client.shadow;
          window.localStorage.setItem(key, JSON.stringify({base: this.acknowledgedText, text: this.textarea.value,
            at: Date.now(), clientId: client ? client.clientId : null, epoch: client ? client.epoch : 0,
            from: from === this.acknowledgedText ? null : from,
            edits: client ? client.stack.map(e => [e.clientVersion, e.delta]) : []}));
        }
      } catch (e) {
        // storage full or forbidden: the server copy is all there is, as before
      }
    }

    /** The copy kept in localStorage of the clause's typing, or null. */
    readLocal(clauseId) {
      const key = this.localKey(clauseId);
      try {
        const copy = key ? JSON.parse(window.localStorage.getItem(key) || 'null') : null;
        return copy && typeof copy.text === 'string' && typeof copy.base === 'string' ? copy : null;
      } catch (e) {
        return null;
      }
    }

    /**
     * The kept copy of this clause's typing rebased onto the server's text, or null when there is none. taken: how
     * many of the copy's sent edits the server took (null when not asked or not known).
     */
    restoreLocal(clauseId, serverText, taken) {
      const key = this.localKey(clauseId);
      if (!key) { return null; }
      const copy = this.readLocal(clauseId);
      taken = taken === undefined ? null : taken;
      const forget = () => {
        try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
        return null;
      };
      if (!copy || copy.text === copy.base || copy.text === serverText) {
        return forget();
      }
      let base = null;
      const from = copy.from === null ? copy.base : copy.from;
      if (typeof from === 'string' && Array.isArray(copy.edits) && (copy.edits.length === 0 || taken !== null)) {
        // Exact: the server has from and the first taken edits; what follows them is carried over, once.
        try {
          base = from;
          for (const [n, d] of copy.edits) {
            if (n < taken) { base = afterDelta(base, d); }
          }
        } catch (e) {
          base = null; // a damaged copy: judge by the text as below
        }
      }
      if (base !== null) {
        return copy.text === base ? forget() : wellFormed(fuzzyApply(base, diff(base, copy.text), serverText));
      }
      const typed = diff(copy.base, copy.text);
      if (alreadyOnServer(copy.base, typed, serverText)) {
        // A copy kept before the sent edits were numbered in it: the server took the typing but its answer never
        // came (the node died, the page closed meanwhile): applying the copy again would type it twice.
        return forget();
      }
      return wellFormed(fuzzyApply(copy.base, typed, serverText));
    }

    /** For tests: the client's state. */
    state() {
      const client = this.client;
      return {clauseId: this.clauseId, n: client ? client.n : 0, m: client ? client.m : 0,
        pending: client ? client.pendingEdits() : 0, unsent: !!client && this.textarea.value !== client.shadow, offline: this.offline, syncs: this.syncs,
        pushes: this.pushes, resyncs: this.resyncs, composing: this.composing};
    }
  }

  customElements.define('dr-live-text', DrLiveText);
})();
