package org.draftroom.editing.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event simulation of editors talking to a {@link ServerSync} over an unreliable network, in virtual
 * milliseconds. Every message travels in its text form ({@link SyncCodec}), takes a random latency (so later messages
 * can overtake earlier ones), and may be dropped or duplicated, all decided by one seeded {@link Random}. Each editor
 * sends a message every {@code syncIntervalMs} (with a random phase), whether or not it typed, as a browser polls;
 * while its last message is unanswered it waits, and sends again after {@code retryAfterMs}.
 */
final class SimulatedNetwork {

    /** Lets a test attach its own bookkeeping to messages; all methods default to doing nothing. */
    interface Observer {
        default Object onClientSend(Editor editor, ClientMessage message) {
            return null;
        }

        default Object onServerAccept(String clientId, Object clientTag, SyncOutcome.Accepted outcome) {
            return null;
        }

        default void onClientApplied(Editor editor, ServerMessage reply, Object serverTag) {
        }
    }

    /** The server side the editors talk to: {@link ServerSync} itself, or the application around it. */
    interface Server {
        Snapshot join(String clauseId, String clientId);

        SyncOutcome receive(ClientMessage message);

        String text(String clauseId);

        SyncLimits limits();

        static Server of(ServerSync sync) {
            return new Server() {
                @Override
                public Snapshot join(String clauseId, String clientId) {
                    return sync.join(clauseId, clientId);
                }

                @Override
                public SyncOutcome receive(ClientMessage message) {
                    return sync.receive(message);
                }

                @Override
                public String text(String clauseId) {
                    return sync.session(clauseId).orElseThrow().text();
                }

                @Override
                public SyncLimits limits() {
                    return sync.limits();
                }
            };
        }
    }

    /** One simulated editor. */
    final class Editor {
        final String clauseId;
        final String clientId;
        ClientSync client;
        long lastSent;

        Editor(String clauseId, String clientId) {
            this.clauseId = clauseId;
            this.clientId = clientId;
            this.client = new ClientSync(server.join(clauseId, clientId), server.limits(), clientDiffs.get());
        }

        void resync() {
            resyncs++;
            client.resync(server.join(clauseId, clientId));
        }

        void sync() {
            lastSent = now;
            ClientMessage message = client.nextMessage();
            Object tag = observer.onClientSend(this, message);
            String wire = SyncCodec.encode(message);
            transmit(() -> arriveAtServer(this, wire, tag));
        }
    }

    private record Event(long time, long order, Runnable action) {
    }

    private final Server server;
    private final Random random;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.order, b.order));
    private final Map<String, Editor> editors = new LinkedHashMap<>();
    private final List<RejectReason> rejections = new ArrayList<>();
    private Observer observer = new Observer() { };
    private long now;
    private long order;
    private double dropRate;
    private double duplicateRate;
    private int minLatencyMs;
    private int maxLatencyMs;
    private java.util.function.Supplier<TextDiffs> clientDiffs = TextDiffs::new;
    private int syncIntervalMs = 250;
    private int retryAfterMs = 2_000;
    private int resyncs;
    private long messages;

    SimulatedNetwork(ServerSync server, Random random) {
        this(Server.of(server), random);
    }

    SimulatedNetwork(Server server, Random random) {
        this.server = server;
        this.random = random;
    }

    SimulatedNetwork faults(double dropRate, double duplicateRate, int minLatencyMs, int maxLatencyMs) {
        this.dropRate = dropRate;
        this.duplicateRate = duplicateRate;
        this.minLatencyMs = minLatencyMs;
        this.maxLatencyMs = maxLatencyMs;
        return this;
    }

    /** How the editors joining from now on diff (e.g. {@link TextDiffs#coarseEdits}). */
    SimulatedNetwork clientDiffs(java.util.function.Supplier<TextDiffs> diffs) {
        this.clientDiffs = diffs;
        return this;
    }

    SimulatedNetwork syncInterval(int ms) {
        this.syncIntervalMs = ms;
        return this;
    }

    SimulatedNetwork observer(Observer observer) {
        this.observer = observer;
        return this;
    }

    Editor join(String clauseId, String clientId) {
        Editor editor = new Editor(clauseId, clientId);
        editors.put(clientId, editor);
        at(now + random.nextInt(syncIntervalMs) + 1, () -> tick(editor));
        return editor;
    }

    List<Editor> editors() {
        return List.copyOf(editors.values());
    }

    long now() {
        return now;
    }

    int resyncs() {
        return resyncs;
    }

    long messages() {
        return messages;
    }

    List<RejectReason> rejections() {
        return List.copyOf(rejections);
    }

    /** Runs events up to and including {@code time}, then sets the clock to it. */
    void runUntil(long time) {
        while (!events.isEmpty() && events.peek().time <= time) {
            Event e = events.poll();
            now = e.time;
            e.action.run();
        }
        now = Math.max(now, time);
    }

    /** Runs events until {@code condition} holds; returns false if it still does not after {@code maxMs}. */
    boolean runUntil(BooleanSupplier condition, long maxMs) {
        long deadline = now + maxMs;
        while (!condition.getAsBoolean()) {
            if (events.isEmpty() || events.peek().time > deadline) {
                return false;
            }
            Event e = events.poll();
            now = e.time;
            e.action.run();
        }
        return true;
    }

    /**
     * Makes the network reliable (in-flight messages still arrive, late and possibly out of order) and runs until
     * every editor's text equals the master of its clause with nothing unacknowledged, or {@code maxMs} passes.
     */
    boolean quiesce(long maxMs) {
        dropRate = 0;
        duplicateRate = 0;
        return runUntil(this::converged, maxMs);
    }

    /** A one-line account of every editor's state, for assertion messages. */
    String describe() {
        StringBuilder out = new StringBuilder("resyncs=" + resyncs + " rejections=" + rejections.size());
        for (Editor e : editors.values()) {
            String master = server.text(e.clauseId);
            out.append("; ").append(e.clientId).append(" pending=").append(e.client.pendingEdits())
                    .append(" unacked=").append(e.client.hasUnacknowledged())
                    .append(" sameText=").append(e.client.text().equals(master))
                    .append(" awaiting=").append(e.client.awaitingReply());
        }
        return out.toString();
    }

    boolean converged() {
        for (Editor e : editors.values()) {
            String master = server.text(e.clauseId);
            if (e.client.hasUnacknowledged() || !e.client.text().equals(master)) {
                return false;
            }
        }
        return true;
    }

    private void tick(Editor editor) {
        if (editors.get(editor.clientId) != editor) {
            return;
        }
        if (!editor.client.awaitingReply() || now - editor.lastSent >= retryAfterMs) {
            editor.sync();
        }
        at(now + syncIntervalMs, () -> tick(editor));
    }

    private void arriveAtServer(Editor editor, String wire, Object tag) {
        ClientMessage message;
        try {
            message = SyncCodec.decodeClient(wire, server.limits());
        } catch (SyncRejectedException e) {
            rejections.add(e.reason());
            editor.resync();
            return;
        }
        SyncOutcome outcome = server.receive(message);
        if (outcome instanceof SyncOutcome.Rejected rejected) {
            rejections.add(rejected.reason());
            if (rejected.reason().requiresResync()) {
                editor.resync();
            }
            return;
        }
        SyncOutcome.Accepted accepted = (SyncOutcome.Accepted) outcome;
        Object serverTag = observer.onServerAccept(editor.clientId, tag, accepted);
        String reply = SyncCodec.encode(accepted.reply());
        transmit(() -> arriveAtClient(editor, reply, serverTag));
    }

    private void arriveAtClient(Editor editor, String wire, Object serverTag) {
        ServerMessage reply = SyncCodec.decodeServer(wire, server.limits());
        ClientSync.Result result = editor.client.receive(reply);
        if (result == ClientSync.Result.RESYNC_NEEDED) {
            editor.resync();
        } else if (result == ClientSync.Result.APPLIED) {
            observer.onClientApplied(editor, reply, serverTag);
        }
    }

    private void transmit(Runnable delivery) {
        messages++;
        if (random.nextDouble() < dropRate) {
            return;
        }
        int copies = random.nextDouble() < duplicateRate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            at(now + minLatencyMs + random.nextInt(maxLatencyMs - minLatencyMs + 1), delivery);
        }
    }

    private void at(long time, Runnable action) {
        events.add(new Event(time, order++, action));
    }
}
