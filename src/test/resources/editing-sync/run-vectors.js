/*
 * Runs the shared sync vectors (vectors.json) against the browser's client, window.draftroom.live from
 * dr-live-text.js, the same way SharedSyncVectorsTest runs them against the Java engine. The server's answers come
 * from the vectors (that test checks them against the Java server). Returns one line per failure, none when all pass.
 * Used by editing.ui.SyncVectorsBrowserIT in Chromium; also runs under Node with the diff-match-patch WebJar loaded.
 */
function runSyncVectors(vectors, live) {
  'use strict';
  const failures = [];
  /** JSON with the keys of every object sorted: objects compare by their fields, not by their order. */
  const canonical = value => JSON.stringify(value, (key, v) => v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map(k => [k, v[k]])) : v);
  const same = (what, actual, expected) => {
    if (canonical(actual) !== canonical(expected)) {
      failures.push(what + ': expected ' + JSON.stringify(expected) + ' but was ' + JSON.stringify(actual));
    }
  };
  const guarded = (what, run) => {
    try {
      run();
    } catch (e) {
      failures.push(what + ': threw ' + e);
    }
  };

  for (const v of vectors.diffs) {
    guarded('diffs / ' + v.name, () => same('diffs / ' + v.name, live.delta(v.a, v.b), v.delta));
  }
  for (const v of vectors.fuzzyApply) {
    guarded('fuzzyApply / ' + v.name, () => same('fuzzyApply / ' + v.name,
        live.fuzzyApply(v.base, live.diff(v.base, v.changed), v.target), v.result));
  }
  for (const v of vectors.wire) {
    const what = 'wire / ' + v.name;
    guarded(what, () => {
      if (v.client) {
        same(what + ' (written)', live.codec.encodeClient(v.client), v.text);
        same(what + ' (read)', live.codec.decodeClient(v.text), v.client);
      } else if (v.server) {
        same(what + ' (written)', live.codec.encodeServer(v.server), v.text);
        same(what + ' (read)', live.codec.decodeServer(v.text), v.server);
      } else if (v.joined) {
        same(what, live.codec.decodeJoined(v.text), v.joined);
      } else {
        same(what, live.codec.decodeRefusal(v.text), v.refused);
      }
    });
  }
  for (const session of vectors.sessions) {
    guarded('sessions / ' + session.name, () => runSession(session));
  }
  return failures;

  function runSession(session) {
    const clients = {};
    const answers = {};
    session.steps.forEach((step, index) => {
      const at = 'sessions / ' + session.name + ' / step ' + (index + 1) + ' ' + JSON.stringify(step);
      if (step.join !== undefined) {
        const joined = live.codec.decodeJoined(step.joined);
        if (step.resync) {
          clients[step.join].resync(joined);
        } else {
          clients[step.join] = new live.ClientSync(joined);
        }
        return;
      }
      if (step.master !== undefined) {
        return; // the server's text: checked on the Java side, which runs the server
      }
      const client = clients[step.client];
      if (step.type) {
        client.edit(step.type.at, step.type.delete, step.type.insert);
      } else if (step.send !== undefined) {
        same(at + ': the message', live.codec.encodeClient(client.nextMessage()), step.send);
        answers[step.client] = step.answer;
      } else if (step.receive !== undefined) {
        const wire = step.receive === 'answer' ? answers[step.client] : step.receive;
        same(at + ': the result', client.receive(live.codec.decodeServer(wire)), step.result);
      }
      if (step.text !== undefined) {
        same(at + ': the client\'s text', client.text, step.text);
      }
      if (step.pending !== undefined) {
        same(at + ': edits awaiting acknowledgement', client.pendingEdits(), step.pending);
      }
    });
  }
}
