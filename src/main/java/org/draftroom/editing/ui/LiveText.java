package org.draftroom.editing.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.draftroom.base.UserFacingException;
import org.draftroom.editing.service.CoEditingService;
import org.draftroom.editing.sync.RejectReason;
import org.draftroom.editing.sync.Snapshot;
import org.draftroom.editing.sync.SyncCodec;
import org.springframework.security.access.AccessDeniedException;

/**
 * The live text of one clause: the {@code <dr-live-text>} element ({@code META-INF/resources/js/dr-live-text.js}),
 * which runs differential synchronization in the browser and talks to the server through the two
 * {@link ClientCallable} methods below, one message in flight at a time. Every call goes through
 * {@link CoEditingService}, which checks the caller on every message.
 */
@Tag("dr-live-text")
@JavaScript("context://js/dr-module-shim.js")
@JavaScript("context://webjars/diff-match-patch/1.0.5/index.js")
@JavaScript("context://js/dr-live-text.js")
@StyleSheet("context://js/dr-live.css")
class LiveText extends Component {

    private final CoEditingService service;
    private final String clientId;
    private final Consumer<String> opened;
    /** A "sync now" push is waiting for the UI; more requests meanwhile ride on it. */
    private final AtomicBoolean pushWaiting = new AtomicBoolean();
    /** When the latest "sync now" was requested and when the latest sync message started (System.nanoTime). */
    private volatile long pushRequested;
    private volatile long syncStarted;

    LiveText(CoEditingService service, String clientId, Consumer<String> opened) {
        this.service = service;
        this.clientId = clientId;
        this.opened = opened;
        setId("live-text");
        getElement().setAttribute("label", getTranslation("editing.text"));
        JsonObject texts = Json.createObject();
        texts.put("synced", getTranslation("editing.status.synced"));
        texts.put("pending", getTranslation("editing.status.pending"));
        texts.put("offline", getTranslation("editing.status.offline"));
        texts.put("tooLong", getTranslation("editing.too-long", service.maxClauseLength()));
        texts.put("resynced", getTranslation("editing.resynced"));
        texts.put("ended", getTranslation("editing.not-connected"));
        texts.put("restored", getTranslation("usable.editing.restored"));
        getElement().callJsFunction("setTexts", texts);
    }

    /**
     * Joins the clause; the answer is {@code DS1 J clientId clauseId epoch maxLength\n} followed by the text, or
     * {@code DS1 X} and a message for the person when the clause cannot be opened. {@code earlier} ("clientId epoch",
     * or empty) names the browser's edits of which it has not seen every answer (its own before a rejoin, or a kept
     * copy's after a reload): the answer then begins with {@code DS1 A taken\n}, how many of them the server took.
     */
    @ClientCallable
    String open(String clauseId, String earlier) {
        CoEditingService.Opened o;
        String taken = "";
        try {
            Optional<SyncCodec.Earlier> named = SyncCodec.decodeEarlier(earlier);
            if (named.isPresent()) {
                taken = SyncCodec.encodeTaken(service.clientEditsTaken(clientId, named.get().clientId(),
                        named.get().epoch()));
            }
            o = service.open(clientId, clauseId);
        } catch (UserFacingException refused) {
            return "DS1 X " + getTranslation(refused.messageKey(), refused.args());
        } catch (AccessDeniedException refused) {
            return "DS1 X " + getTranslation("editing.not-allowed");
        }
        Snapshot s = o.snapshot();
        opened.accept(clauseId);
        return taken + SyncCodec.encodeJoined(s, o.maxClauseLength());
    }

    /** One sync message; the answer, or a refusal {@code DS1 R REASON [resync]}. */
    @ClientCallable
    String sync(String message) {
        syncStarted = System.nanoTime();
        try {
            return service.sync(clientId, message);
        } catch (AccessDeniedException | UserFacingException refused) {
            return SyncCodec.encodeRefusal(RejectReason.UNKNOWN_CLIENT, false);
        }
    }

    /** The screen is still open (sent every few seconds when there is nothing to sync). */
    @ClientCallable
    void ping() {
        try {
            service.ping(clientId);
        } catch (AccessDeniedException | UserFacingException ended) {
            // nothing to tell: the next open or sync reports it
        }
    }

    void openClause(String clauseId) {
        getElement().callJsFunction("openClause", clauseId);
    }

    /** Sends what is still unsent (waiting for the answers, a few seconds at most), then runs {@code then}. */
    void flush(Runnable then) {
        getElement().callJsFunction("keepWork").then(done -> then.run(), failed -> then.run());
    }

    /** Inserts text at the caret as if typed (it is then synced like typing). */
    void insert(String text) {
        getElement().callJsFunction("insertText", text);
    }

    /** Runs {@code changed} (at most every 600 ms) after the server acknowledged a change of the clause's text. */
    void onTextChanged(Runnable changed) {
        getElement().addEventListener("dr-acknowledged", e -> changed.run()).debounce(600);
    }

    /**
     * Someone else changed the clause (any thread): asks the browser to sync, by server push. Typists in the clause
     * ask many times a second: one push waiting for the UI takes all requests made meanwhile, and none is sent when
     * the browser's own sync message started after the latest request (its answer carries the change already).
     */
    void pushSyncNow(UI ui) {
        pushRequested = System.nanoTime();
        if (!pushWaiting.compareAndSet(false, true)) {
            return;
        }
        try {
            ui.access(() -> {
                pushWaiting.set(false);
                if (syncStarted - pushRequested <= 0) {
                    getElement().callJsFunction("syncNow");
                }
            });
        } catch (RuntimeException detached) {
            pushWaiting.set(false);
            throw detached;
        }
    }

    void close() {
        getElement().callJsFunction("close");
    }
}
