package org.draftroom.editing.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.editing.EditingProperties;
import org.draftroom.editing.data.EditJournal;
import org.draftroom.editing.sync.ClientMessage;
import org.draftroom.editing.sync.Deltas;
import org.draftroom.editing.sync.RejectReason;
import org.draftroom.editing.sync.Snapshot;
import org.draftroom.editing.sync.SyncCodec;
import org.draftroom.editing.sync.SyncLimits;
import org.draftroom.editing.sync.SyncOutcome;
import org.draftroom.editing.sync.SyncRejectedException;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Live co-editing of projects' drafts: one {@link DocumentSession} per open document on this node, shared by every
 * editor's UI, holding one differential-synchronization session per clause being edited. Documents open on the first
 * editor's {@link #connect} and close (after a last checkpoint) when the last one leaves.
 *
 * <p><b>Security boundary.</b> Only people who may edit the project ({@link Access#canEditProjectsOf}) connect, and
 * every later call, each sync message included, is checked again against the signed-in person of the calling thread:
 * it must be the person who connected, and they must still be allowed to edit the project.
 *
 * <p><b>Durability.</b> Every edit is written to the {@link EditJournal} before its acknowledgement is returned.
 * Checkpoint commits (clause idle for {@link EditingProperties#idleCheckpoint()}, text older than
 * {@link EditingProperties#checkpointInterval()}, a named save, an outline change, the last editor leaving) write the
 * live text to Git through {@link DraftService#commitLiveEdits}; at start-up, journalled edits that did not reach Git
 * are replayed ({@link #afterSingletonsInstantiated()}).
 *
 * <p>Thread-safe. Listener callbacks come from any thread.
 */
@Service
public class CoEditingService implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CoEditingService.class);
    /** Replies to refused messages: {@code DS1 R <reason>}; the client resynchronises when told. */
    public static final String REFUSED = "DS1 R ";
    /** Colours of the presence markers, by index. */
    public static final int COLOURS = 8;

    private final DraftService drafts;
    private final ProjectService projects;
    private final Access access;
    private final EditJournal journal;
    private final Clock clock;
    private final EditingProperties properties;
    private final SyncLimits limits;
    private final Map<String, DocumentSession> documents = new ConcurrentHashMap<>();
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile boolean closing;
    /** With several nodes (draftroom.cluster.enabled): the shared journal, presence and messages; else null. */
    private final ClusterEditing cluster;
    private volatile Instant lastPresenceWrite = Instant.EPOCH;
    private volatile Instant lastCleanup = Instant.EPOCH;

    CoEditingService(DraftService drafts, ProjectService projects, Access access, EditJournal journal, Clock clock,
                     EditingProperties properties) {
        this(drafts, projects, access, journal, clock, properties, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    CoEditingService(DraftService drafts, ProjectService projects, Access access, EditJournal journal, Clock clock,
                     EditingProperties properties, ClusterEditing cluster) {
        this.cluster = cluster != null && cluster.enabled() ? cluster : null;
        if (this.cluster != null) {
            this.cluster.bus().subscribe("sync", this::remoteSync);
            this.cluster.bus().subscribe("presence", this::remotePresence);
            this.cluster.bus().subscribe("outline", this::remoteOutline);
        }
        this.drafts = drafts;
        this.projects = projects;
        this.access = access;
        this.journal = journal;
        this.clock = clock;
        this.properties = properties;
        this.limits = new SyncLimits(SyncLimits.DEFAULT.maxMessageChars(), SyncLimits.DEFAULT.maxEditsPerMessage(),
                properties.maxClauseLength());
    }

    /** What a connected editor's screen is told. Called from any thread; must not block. */
    public interface Listener {
        /** The text of the clause this editor has open changed: sync now. */
        void syncNow();

        /** Who is in the document and in which clause changed. */
        void presenceChanged(List<Participant> participants);

        /** Someone changed the outline (add, move, delete, retitle): reload it. */
        void outlineChanged(String byName);
    }

    /** An editor in a document: the clause they work in ({@code ""} for none), their colour index. */
    public record Participant(String clientId, long userId, String name, int colour, String clauseId) {
    }

    /** The state a client starts a clause from, and the limits it must respect. */
    public record Opened(Snapshot snapshot, int maxClauseLength) {
    }

    static final class Connection {
        final String clientId;
        final String projectId;
        final long userId;
        final String name;
        final String email;
        final Listener listener;
        volatile int colour;
        volatile String clauseId = "";
        volatile Instant lastSeen;

        Connection(String clientId, String projectId, CurrentUser user, Listener listener) {
            this.clientId = clientId;
            this.projectId = projectId;
            this.userId = user.id();
            this.name = user.displayName() == null || user.displayName().isBlank() ? user.username()
                    : user.displayName();
            this.email = user.commitEmail();
            this.listener = listener;
            this.lastSeen = Instant.EPOCH;
        }

        Participant participant() {
            return new Participant(clientId, userId, name, colour, clauseId);
        }
    }

    /**
     * Joins the signed-in person to the project's live document.
     *
     * @return the connection's client id, to pass to every later call
     * @throws AccessDeniedException when they may not edit the project
     */
    public String connect(String projectId, Listener listener) {
        Project project = projects.get(projectId);
        CurrentUser user = requireEditor(project.workingGroup());
        String clientId = cluster == null
                ? "c" + counter.incrementAndGet() + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6)
                : "c" + counter.incrementAndGet() + "-" + java.util.UUID.randomUUID().toString().substring(0, 13);
        Connection connection = new Connection(clientId, projectId, user, listener);
        connection.lastSeen = clock.instant();
        DocumentSession document = documents.computeIfAbsent(projectId,
                id -> new DocumentSession(id, project.workingGroup(), drafts, journal, clock, limits, cluster));
        synchronized (document) {
            connection.colour = colourFor(document, user.id());
            if (cluster != null) {
                cluster.presence().join(clientId, cluster.bus().node(), projectId, user.id(), connection.name,
                        connection.colour, clock.instant());
            }
            document.connections.put(clientId, connection);
            connections.put(clientId, connection);
        }
        log.info("{} joined live editing of {} as {}", user.username(), projectId, clientId);
        broadcastPresence(document);
        return clientId;
    }

    /**
     * Opens a clause for the client (leaving the one it had open): the clause's current live text.
     *
     * @throws UserFacingException {@code editing.clause-gone} when the clause is not in the draft
     */
    public Opened open(String clientId, String clauseId) {
        Connection connection = requireConnection(clientId);
        DocumentSession document = document(connection);
        Snapshot snapshot = document.open(connection, clauseId);
        if (cluster != null) {
            cluster.presence().clause(clientId, clauseId, clock.instant());
        }
        broadcastPresence(document);
        return new Opened(snapshot, limits.maxTextLength());
    }

    /**
     * How many edits the browser {@code earlierClientId} sent in its {@code earlierEpoch} the server took (they are in
     * the journal), for a browser that rejoins or reopens a clause without having seen every answer: it carries only
     * the rest of its typing onto the text it gets ({@code docs/sync-protocol.md}, "Joining and resynchronising"). The
     * earlier client may be this connection (a rejoin) or a page of the same person before a reload; another
     * person's client counts 0.
     *
     * @throws AccessDeniedException when the caller is not the connected person or may no longer edit the project
     */
    public long clientEditsTaken(String clientId, String earlierClientId, long earlierEpoch) {
        Connection connection = requireConnection(clientId);
        if (earlierClientId == null || !SyncCodec.ID.matcher(earlierClientId).matches()) {
            return 0;
        }
        return journal.clientEditsTaken(connection.userId, earlierClientId, earlierEpoch);
    }

    /**
     * Applies one encoded client message ({@code docs/sync-protocol.md}) and returns the encoded answer, or
     * {@link #REFUSED} with the reason when the message is refused (refusals are logged; the client resynchronises
     * when the reason requires it). The edits are in the journal before this returns.
     *
     * @throws AccessDeniedException when the caller is not the connected person or may no longer edit the project
     */
    public String sync(String clientId, String encoded) {
        Connection connection = requireConnection(clientId);
        DocumentSession document = document(connection);
        ClientMessage message;
        try {
            message = SyncCodec.decodeClient(encoded, limits);
        } catch (SyncRejectedException e) {
            return refuse(connection, e.reason(), e.getMessage());
        }
        if (!clientId.equals(message.clientId())) {
            return refuse(connection, RejectReason.MALFORMED, "message names client " + message.clientId());
        }
        if (!message.clauseId().equals(connection.clauseId)) {
            return refuse(connection, RejectReason.WRONG_CLAUSE,
                    "client has " + connection.clauseId + " open, message is for " + message.clauseId());
        }
        SyncOutcome outcome = document.receive(connection, message);
        if (outcome instanceof SyncOutcome.Rejected rejected) {
            return refuse(connection, rejected.reason(), rejected.detail());
        }
        SyncOutcome.Accepted accepted = (SyncOutcome.Accepted) outcome;
        // With several nodes, the journal's insert of the acknowledged edits told the other nodes ("sync").
        for (String other : accepted.othersToNotify()) {
            Connection c = connections.get(other);
            if (c != null) {
                notify(c, c.listener::syncNow);
            }
        }
        return SyncCodec.encode(accepted.reply());
    }

    /** Leaves the document; the last editor to leave closes it with a checkpoint. */
    public void disconnect(String clientId) {
        Connection connection = connections.remove(clientId);
        if (connection == null) {
            return;
        }
        if (cluster != null && !closing) {
            try {
                cluster.presence().leave(clientId);
            } catch (RuntimeException e) {
                log.warn("Could not remove {} from the presence table; it expires by itself", clientId, e);
            }
        }
        DocumentSession document = documents.get(connection.projectId);
        if (document == null) {
            return;
        }
        if (closing) {
            return;
        }
        boolean last;
        synchronized (document) {
            try {
                document.leave(connection);
            } catch (RuntimeException e) {
                // e.g. the database is already gone at shutdown: the edits stay in the journal for the replay
                log.warn("Leaving {} of {} failed; the edits stay in the journal", connection.clauseId,
                        connection.projectId, e);
            }
            document.connections.remove(clientId);
            last = document.connections.isEmpty();
            if (last) {
                documents.remove(connection.projectId, document);
            }
        }
        log.info("{} left live editing of {}", clientId, connection.projectId);
        if (last) {
            checkpointQuietly(document, true);
        } else {
            broadcastPresence(document);
        }
    }

    /** Who is in the project's live document now (editors whose screen answered within the last 30 s). */
    public List<Participant> participants(String projectId) {
        DocumentSession document = documents.get(projectId);
        if (document == null && cluster != null) {
            return cluster.presence().present(projectId, clock.instant().minus(DocumentSession.PRESENCE_TIMEOUT))
                    .stream().map(r -> new Participant(r.clientId(), r.userId(), r.name(), r.colour(), r.clauseId()))
                    .sorted(Comparator.comparing(Participant::name).thenComparing(Participant::clientId)).toList();
        }
        return document == null ? List.of() : document.participants(clock.instant());
    }

    /**
     * The editor's screen is still open. Screens call this (or sync) every few seconds; an editor not heard of for
     * {@link DocumentSession#PRESENCE_TIMEOUT} is no longer shown as present (a closed laptop, a crashed browser).
     */
    public void ping(String clientId) {
        Connection connection = requireConnection(clientId);
        DocumentSession document = document(connection);
        if (document.presenceChanged(clock.instant())) {
            broadcastPresence(document);
        }
    }

    /** The live text of a clause, if someone is editing it on this node. */
    public Optional<String> liveText(String projectId, String clauseId) {
        DocumentSession document = documents.get(projectId);
        return document == null ? Optional.empty() : document.liveText(clauseId);
    }

    /**
     * Writes the live text of every clause to Git now, as a version with the person's message.
     *
     * @return the version written, or empty when nothing had changed since the last one
     */
    public Optional<VersionInfo> saveVersion(String clientId, String message) {
        Connection connection = requireConnection(clientId);
        String why = message == null ? "" : message.trim();
        if (why.isEmpty()) {
            throw new UserFacingException("draft.save.message-required");
        }
        return document(connection).checkpoint(why, true);
    }

    /**
     * Applies an outline operation (add, move, delete, retitle a clause) to the latest version, after writing the live
     * text to Git, and tells every editor of the document to reload the outline. Server-serialised per document.
     */
    public VersionInfo changeOutline(String clientId, OutlineChange operation, String message) {
        Connection connection = requireConnection(clientId);
        DocumentSession document = document(connection);
        VersionInfo version;
        synchronized (document) {
            document.checkpoint(null, true);
            DraftService.DraftSnapshot head = drafts.open(connection.projectId, null);
            DraftDocument changed = operation.apply(head.document());
            version = drafts.save(connection.projectId, head.version().commitId(), changed.text(), message).version();
            Set<String> remaining = new java.util.HashSet<>();
            changed.clauses().forEach(c -> remaining.add(c.id()));
            document.dropClausesNotIn(remaining);
        }
        for (Connection c : document.connections.values()) {
            notify(c, () -> c.listener.outlineChanged(connection.name));
        }
        if (cluster != null) {
            cluster.bus().publish("outline", connection.projectId + " " + connection.name);
        }
        broadcastPresence(document);
        return version;
    }

    /** The other editors who have this clause open (to warn before deleting it). */
    public List<Participant> othersIn(String clientId, String clauseId) {
        Connection connection = requireConnection(clientId);
        return document(connection).participants(clock.instant()).stream()
                .filter(p -> p.clauseId().equals(clauseId) && !p.clientId().equals(clientId)).toList();
    }

    /** Checkpoints clauses that went quiet or whose text is older than the interval; runs every second. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void checkpointDue() {
        checkpointDue(clock.instant());
    }

    /** Checkpoints what is due at {@code now}: clauses quiet for the idle time, or unsaved longer than the interval. */
    void checkpointDue(Instant now) {
        if (closing) {
            return;
        }
        if (cluster != null) {
            clusterDue(now);
        }
        for (DocumentSession document : documents.values()) {
            if (document.presenceChanged(now)) {
                broadcastPresence(document);
            }
            if (document.checkpointDue(now, properties.idleCheckpoint(), properties.checkpointInterval())) {
                checkpointQuietly(document, false);
            }
        }
    }

    /**
     * From the start of shutdown on, no more checkpoints: the database may already be stopping (the embedded one stops
     * in its own shutdown hook), and what is not in Git yet is in the journal, which the next start-up replays.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    /** Replays journalled edits that did not reach Git before the last stop (a crash), before anyone connects. */
    @Override
    public void afterSingletonsInstantiated() {
        if (cluster != null) {
            // Other nodes may be editing these sessions right now: the periodic checkpoint of the cluster writes
            // what a dead node left (clusterDue), whichever node runs it, once.
            return;
        }
        new JournalReplay(journal, drafts, clock).replay();
    }

    /** With several nodes, every second: refresh this node's presence rows, write due checkpoints of the cluster. */
    private void clusterDue(Instant now) {
        try {
            if (!lastPresenceWrite.plusSeconds(5).isAfter(now)) {
                lastPresenceWrite = now;
                List<String> seen = connections.values().stream()
                        .filter(c -> c.lastSeen.plus(DocumentSession.PRESENCE_TIMEOUT).isAfter(now))
                        .map(c -> c.clientId).toList();
                cluster.presence().seen(seen, now);
            }
            cluster.checkpointDue(now, properties.idleCheckpoint(), properties.checkpointInterval());
            if (!lastCleanup.plusSeconds(30).isAfter(now)) {
                lastCleanup = now;
                cluster.closeAbandoned(now);
            }
        } catch (RuntimeException e) {
            log.warn("Cluster checkpoints failed; tried again in a second", e);
        }
    }

    /** Another node acknowledged edits of a clause: its editors here sync now (and so take the edits in). */
    private void remoteSync(String payload) {
        String[] parts = payload.split(" ", 2);
        for (Connection c : connections.values()) {
            if (c.projectId.equals(parts[0]) && parts.length > 1 && c.clauseId.equals(parts[1])) {
                notify(c, c.listener::syncNow);
            }
        }
    }

    private void remotePresence(String projectId) {
        DocumentSession document = documents.get(projectId);
        if (document != null) {
            broadcastPresence(document);
        }
    }

    private void remoteOutline(String payload) {
        String[] parts = payload.split(" ", 2);
        DocumentSession document = documents.get(parts[0]);
        if (document == null) {
            return;
        }
        // The editors' screens reload the outline (a deleted clause's editors leave it from there).
        String by = parts.length > 1 ? parts[1] : "";
        for (Connection c : document.connections.values()) {
            notify(c, () -> c.listener.outlineChanged(by));
        }
        broadcastPresence(document);
    }

    private void checkpointQuietly(DocumentSession document, boolean close) {
        try {
            document.checkpoint(null, false);
            if (close) {
                document.closeAll();
            }
        } catch (RuntimeException e) {
            // The edits stay in the journal; the next checkpoint or the next start-up writes them.
            log.warn("Checkpoint of {} failed; the edits stay in the journal", document.projectId, e);
        }
    }

    private String refuse(Connection connection, RejectReason reason, String detail) {
        log.warn("Refused a sync message of {} ({}) in {}: {} {}", connection.name, connection.clientId,
                connection.projectId, reason, detail == null ? "" : detail.length() > 200 ? detail.substring(0, 200) : detail);
        return SyncCodec.encodeRefusal(reason);
    }

    private Connection requireConnection(String clientId) {
        Connection connection = clientId == null ? null : connections.get(clientId);
        if (connection == null) {
            throw new UserFacingException("editing.not-connected");
        }
        CurrentUser user = access.currentUser().orElse(null);
        if (user == null) {
            log.warn("Refused a live-editing call for {} ({}): nobody signed in", connection.projectId, clientId);
            throw new AccessDeniedException("not signed in");
        }
        DocumentSession document = document(connection);
        if (user.id() != connection.userId || !access.canEditProjectsOf(user, document.workingGroup)) {
            log.warn("Refused a live-editing call for {} from {}: not its editor", connection.projectId,
                    user.username());
            throw new AccessDeniedException("not an editor of " + document.workingGroup);
        }
        connection.lastSeen = clock.instant();
        return connection;
    }

    private CurrentUser requireEditor(String workingGroup) {
        CurrentUser user = access.currentUser().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!access.canEditProjectsOf(workingGroup)) {
            log.warn("Refused live editing to {}: not an editor of {}", user.username(), workingGroup);
            throw new AccessDeniedException("not an editor of " + workingGroup);
        }
        return user;
    }

    private DocumentSession document(Connection connection) {
        DocumentSession document = documents.get(connection.projectId);
        if (document == null || !document.connections.containsKey(connection.clientId)) {
            throw new UserFacingException("editing.not-connected");
        }
        return document;
    }

    private int colourFor(DocumentSession document, long userId) {
        Map<Long, Integer> taken = new HashMap<>();
        document.connections.values().forEach(c -> taken.put(c.userId, c.colour));
        if (cluster != null) {
            cluster.presence().present(document.projectId, clock.instant().minus(DocumentSession.PRESENCE_TIMEOUT))
                    .forEach(r -> taken.putIfAbsent(r.userId(), r.colour()));
        }
        if (taken.containsKey(userId)) {
            return taken.get(userId);
        }
        for (int i = 0; i < COLOURS; i++) {
            if (!taken.containsValue(i)) {
                return i;
            }
        }
        return (int) (userId % COLOURS);
    }

    private void broadcastPresence(DocumentSession document) {
        List<Participant> participants = document.participants(clock.instant());
        if (cluster != null && !participants.equals(document.lastShown())) {
            cluster.bus().publish("presence", document.projectId);
        }
        document.shown(participants);
        for (Connection c : document.connections.values()) {
            notify(c, () -> c.listener.presenceChanged(participants));
        }
    }

    private static void notify(Connection c, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.debug("Could not notify {}", c.clientId, e);
        }
    }

    /** Longest clause text co-edited live, in UTF-16 units. */
    public int maxClauseLength() {
        return limits.maxTextLength();
    }

    /** Sizes edits for authorship; exposed for the document sessions. */
    static int size(String delta) {
        return Deltas.size(delta);
    }
}
