package org.draftroom.editing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.editing.data.EditJournal;
import org.draftroom.editing.sync.AcknowledgedEdit;
import org.draftroom.editing.sync.ClauseSession;
import org.draftroom.editing.sync.ClientMessage;
import org.draftroom.editing.sync.Deltas;
import org.draftroom.editing.sync.ServerSync;
import org.draftroom.editing.sync.Snapshot;
import org.draftroom.editing.sync.SyncCodec;
import org.draftroom.editing.sync.SyncLimits;
import org.draftroom.editing.sync.SyncOutcome;

/**
 * One project's live document on this node: a {@link ServerSync} with a session per clause being edited, the
 * journal bookkeeping of each clause session, and the editors connected. Opening and closing clause sessions and
 * checkpoints are serialised on this object; sync messages for different clauses run in parallel.
 */
final class DocumentSession {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocumentSession.class);

    final String projectId;
    final String workingGroup;
    final Map<String, CoEditingService.Connection> connections = new ConcurrentHashMap<>();
    private final DraftService drafts;
    private final EditJournal journal;
    private final Clock clock;
    private final ServerSync sync;
    private final Map<String, LiveClause> clauses = new ConcurrentHashMap<>();
    /** With several nodes: the shared journal and presence; null with one node. */
    private final ClusterEditing cluster;

    /** The journal and checkpoint state of one clause session. Fields guarded by the instance's monitor. */
    private static final class LiveClause {
        final String clauseId;
        final long sessionId;
        String checkpointText;
        long checkpointRevision;
        Instant lastEdit;
        Instant lastCheckpoint;
        long lastRevision;
        final Map<Long, Long> sizeByUser = new HashMap<>();
        final Map<Long, CoEditingService.Connection> people = new HashMap<>();
        final List<long[]> pending = new ArrayList<>();

        LiveClause(String clauseId, long sessionId, String text, Instant now) {
            this.clauseId = clauseId;
            this.sessionId = sessionId;
            this.checkpointText = text;
            this.lastCheckpoint = now;
        }
    }

    DocumentSession(String projectId, String workingGroup, DraftService drafts, EditJournal journal, Clock clock,
                    SyncLimits limits) {
        this(projectId, workingGroup, drafts, journal, clock, limits, null);
    }

    DocumentSession(String projectId, String workingGroup, DraftService drafts, EditJournal journal, Clock clock,
                    SyncLimits limits, ClusterEditing cluster) {
        this.projectId = projectId;
        this.workingGroup = workingGroup;
        this.drafts = drafts;
        this.journal = journal;
        this.clock = clock;
        this.cluster = cluster;
        this.sync = cluster == null ? new ServerSync(limits, this::load, this::journal)
                : ServerSync.resuming(limits, this::resume, this::journal);
    }

    /** With several nodes: the clause's shared session (called inside the clause's lock). */
    private ServerSync.Start resume(String clauseId) {
        ClusterEditing.Resumed resumed = cluster.resume(projectId, clauseId, () -> drafts.open(projectId, null)
                .document().find(clauseId).orElseThrow(() -> new UserFacingException("editing.clause-gone")).body());
        Instant now = clock.instant();
        LiveClause live = new LiveClause(clauseId, resumed.sessionId(), resumed.text(), now);
        live.lastRevision = resumed.revision();
        live.checkpointRevision = resumed.revision();
        clauses.put(clauseId, live);
        return new ServerSync.Start(resumed.text(), resumed.revision());
    }

    /**
     * With several nodes, inside the clause's lock: takes in the edits other nodes journalled since this node's
     * master; false when the shared session was closed (the local one is dropped, its clients join again).
     */
    private boolean catchUp(String clauseId) {
        Optional<ClauseSession> session = sync.session(clauseId);
        LiveClause live = clauses.get(clauseId);
        if (session.isEmpty() || live == null) {
            return true;
        }
        return absorb(clauseId, live, session.get(), cluster.stepsAfter(live.sessionId, session.get().revision()));
    }

    /**
     * Takes in the journalled steps the local master lacks; those up to its revision are in it already (revisions
     * are one sequence across the nodes: this node's own edits, or steps taken in before, when the steps were read
     * after a revision looked up before the lock). False, dropping the local clause, when the session was closed.
     */
    private boolean absorb(String clauseId, LiveClause live, ClauseSession session,
                           Optional<List<EditJournal.Step>> steps) {
        if (steps.isEmpty()) {
            sync.drop(clauseId);
            clauses.remove(clauseId, live);
            return false;
        }
        for (EditJournal.Step step : steps.get()) {
            if (step.revision() > session.revision()) {
                session.absorb(step.revision(), step.masterDelta());
            }
        }
        return true;
    }

    boolean clustered() {
        return cluster != null;
    }

    /** The clause's text in the latest version, recorded in the journal as the base of a new clause session. */
    private String load(String clauseId) {
        Clause clause = drafts.open(projectId, null).document().find(clauseId)
                .orElseThrow(() -> new UserFacingException("editing.clause-gone"));
        String text = clause.body();
        Instant now = clock.instant();
        long sessionId = journal.open(projectId, clauseId, text, now);
        clauses.put(clauseId, new LiveClause(clauseId, sessionId, text, now));
        return text;
    }

    /** Writes the edits to the journal before they are acknowledged (called under the clause session's lock). */
    private void journal(List<AcknowledgedEdit> edits) {
        LiveClause live = clauses.get(edits.get(0).clauseId());
        CoEditingService.Connection author = connections.get(edits.get(0).clientId());
        if (live == null || author == null) {
            throw new IllegalStateException("no journal for " + edits.get(0).clauseId());
        }
        Instant now = clock.instant();
        List<EditJournal.Entry> entries = new ArrayList<>(edits.size());
        for (AcknowledgedEdit e : edits) {
            entries.add(new EditJournal.Entry(e.revision(), author.userId, author.name, author.email, e.clientId(),
                    e.epoch(), e.clientVersion(), e.masterDelta(), Deltas.size(e.masterDelta()), e.clean(), now));
        }
        // With several nodes, the "sync now" to the others goes in the insert's statement, sent when it commits.
        journal.append(live.sessionId, entries, cluster == null ? Optional.empty()
                : cluster.bus().notice("sync", projectId + " " + live.clauseId));
        synchronized (live) {
            for (EditJournal.Entry e : entries) {
                if (cluster == null) { // with several nodes, checkpoints weigh authors from the journal
                    live.pending.add(new long[] {e.revision(), author.userId, e.changed()});
                }
            }
            live.people.put(author.userId, author);
            live.lastEdit = now;
            live.lastRevision = edits.get(edits.size() - 1).revision();
        }
    }

    synchronized Snapshot open(CoEditingService.Connection connection, String clauseId) {
        if (!SyncCodec.ID.matcher(clauseId == null ? "" : clauseId).matches()) {
            throw new UserFacingException("editing.clause-gone");
        }
        leave(connection);
        Snapshot snapshot = cluster == null ? sync.join(clauseId, connection.clientId)
                : cluster.inClauseLock(projectId, clauseId, () -> {
                    catchUp(clauseId);
                    return sync.join(clauseId, connection.clientId);
                });
        connection.clauseId = clauseId;
        return snapshot;
    }

    SyncOutcome receive(CoEditingService.Connection connection, ClientMessage message) {
        if (cluster == null) {
            return sync.receive(message);
        }
        String clauseId = message.clauseId();
        LiveClause live = clauses.get(clauseId);
        Optional<ClauseSession> session = sync.session(clauseId);
        try {
            if (live == null || session.isEmpty()) {
                return cluster.inClauseLock(projectId, clauseId, () -> receiveCaughtUp(message, catchUp(clauseId)));
            }
            // One round trip takes the lock and reads what other nodes journalled after the revision seen here.
            return cluster.inClauseLockWithStepsAfter(projectId, clauseId, live.sessionId, session.get().revision(),
                    steps -> {
                        boolean same = clauses.get(clauseId) == live && sync.session(clauseId).equals(session);
                        return receiveCaughtUp(message,
                                same ? absorb(clauseId, live, session.get(), steps) : catchUp(clauseId));
                    });
        } catch (RuntimeException e) {
            // The transaction may not have committed what the local session now holds: start the clause afresh
            // from the journal; its clients join again and rebase their unsent typing.
            sync.drop(clauseId);
            clauses.remove(clauseId);
            throw e;
        }
    }

    private SyncOutcome receiveCaughtUp(ClientMessage message, boolean open) {
        return open ? sync.receive(message) : new SyncOutcome.Rejected(
                org.draftroom.editing.sync.RejectReason.UNKNOWN_CLIENT, "the clause's session was closed");
    }

    /** Leaves the clause the connection has open; an idle clause session is checkpointed and closed. */
    synchronized void leave(CoEditingService.Connection connection) {
        String previous = connection.clauseId;
        connection.clauseId = "";
        if (previous.isEmpty()) {
            return;
        }
        sync.leave(previous, connection.clientId);
        if (cluster != null) {
            if (sync.session(previous).map(s -> s.clients().isEmpty()).orElse(false)) {
                LiveClause live = clauses.get(previous);
                sync.closeIfIdle(previous).ifPresent(s -> clauses.remove(previous));
                if (live != null) {
                    try {
                        cluster.checkpoint(projectId, Set.of(live.sessionId), null);
                    } catch (RuntimeException e) {
                        log.warn("Checkpoint of {} {} failed; the edits stay in the journal", projectId, previous, e);
                    }
                }
            }
            return;
        }
        if (sync.session(previous).map(s -> s.clients().isEmpty()).orElse(false)) {
            try {
                checkpointClauses(List.of(previous), null);
            } catch (RuntimeException e) {
                // The session stays open with its journal; the periodic checkpoint tries again.
                log.warn("Checkpoint of {} {} failed; the edits stay in the journal", projectId, previous, e);
                return;
            }
            sync.closeIfIdle(previous).ifPresent(s -> close(previous));
        }
    }

    /** How long an editor not heard of still counts as present. */
    static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(30);

    private volatile List<CoEditingService.Participant> lastShown = List.of();

    List<CoEditingService.Participant> participants(Instant now) {
        if (cluster != null) {
            return clusterParticipants(now);
        }
        List<CoEditingService.Participant> out = new ArrayList<>();
        connections.values().stream().filter(c -> c.lastSeen.plus(PRESENCE_TIMEOUT).isAfter(now))
                .forEach(c -> out.add(c.participant()));
        out.sort(Comparator.comparing(CoEditingService.Participant::name)
                .thenComparing(CoEditingService.Participant::clientId));
        return out;
    }

    private List<CoEditingService.Participant> clusterParticipants(Instant now) {
        List<CoEditingService.Participant> out = new ArrayList<>();
        for (var row : cluster.presence().present(projectId, now.minus(PRESENCE_TIMEOUT))) {
            out.add(new CoEditingService.Participant(row.clientId(), row.userId(), row.name(), row.colour(),
                    row.clauseId()));
        }
        out.sort(Comparator.comparing(CoEditingService.Participant::name)
                .thenComparing(CoEditingService.Participant::clientId));
        return out;
    }

    /** Whether the participants now differ from those last shown to the editors. */
    boolean presenceChanged(Instant now) {
        return !participants(now).equals(lastShown);
    }

    List<CoEditingService.Participant> lastShown() {
        return lastShown;
    }

    void shown(List<CoEditingService.Participant> participants) {
        lastShown = participants;
    }

    Optional<String> liveText(String clauseId) {
        return sync.session(clauseId).map(ClauseSession::text);
    }

    boolean checkpointDue(Instant now, Duration idle, Duration interval) {
        if (cluster != null) {
            return false; // the cluster's checkpoints come from the journal (ClusterEditing.checkpointDue)
        }
        for (LiveClause live : clauses.values()) {
            synchronized (live) {
                if (live.lastRevision > live.checkpointRevision && live.lastEdit != null
                        && (!live.lastEdit.plus(idle).isAfter(now) || !live.lastCheckpoint.plus(interval).isAfter(now))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes every clause's live text to Git; {@code message} null makes an automatic checkpoint message. */
    synchronized Optional<VersionInfo> checkpoint(String message, boolean always) {
        if (cluster != null) {
            return cluster.checkpoint(projectId, null, message);
        }
        return checkpointClauses(List.copyOf(clauses.keySet()), message);
    }

    /** After an outline change: closes the sessions of clauses that no longer exist. */
    synchronized void dropClausesNotIn(Set<String> remaining) {
        for (String clauseId : List.copyOf(clauses.keySet())) {
            if (!remaining.contains(clauseId)) {
                sync.session(clauseId).ifPresent(s -> s.clients().forEach(c -> {
                    sync.leave(clauseId, c);
                    CoEditingService.Connection connection = connections.get(c);
                    if (connection != null && connection.clauseId.equals(clauseId)) {
                        connection.clauseId = "";
                    }
                }));
                sync.closeIfIdle(clauseId);
                close(clauseId);
            }
        }
    }

    /** The last editor left: everything is checkpointed by now, so the clause sessions close. */
    synchronized void closeAll() {
        for (String clauseId : List.copyOf(clauses.keySet())) {
            sync.closeIfIdle(clauseId).ifPresent(s -> close(clauseId));
        }
    }

    private void close(String clauseId) {
        LiveClause live = clauses.remove(clauseId);
        if (live != null && cluster == null) {
            synchronized (live) {
                if (live.checkpointRevision >= live.lastRevision) {
                    journal.close(live.sessionId, clock.instant());
                }
            }
        }
    }

    private Optional<VersionInfo> checkpointClauses(List<String> clauseIds, String message) {
        List<LiveCommits.Pending> bodies = new ArrayList<>();
        Map<LiveClause, ClauseSession.State> taken = new LinkedHashMap<>();
        Map<Long, Long> sizes = new HashMap<>();
        Map<Long, CoEditingService.Connection> people = new HashMap<>();
        for (String clauseId : clauseIds) {
            LiveClause live = clauses.get(clauseId);
            Optional<ClauseSession> session = sync.session(clauseId);
            if (live == null || session.isEmpty()) {
                continue;
            }
            ClauseSession.State state = session.get().state();
            String base;
            synchronized (live) {
                if (state.revision() <= live.checkpointRevision) {
                    continue;
                }
                base = live.checkpointText;
                for (long[] p : live.pending) {
                    if (p[0] <= state.revision()) {
                        sizes.merge(p[1], p[2], Long::sum);
                    }
                }
                people.putAll(live.people);
            }
            taken.put(live, state);
            bodies.add(new LiveCommits.Pending(clauseId, Collections.singletonList(base), state.text(),
                    head -> Deltas.rebase(base, state.text(), head)));
        }
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        long authorId = sizes.entrySet().stream().max(Map.Entry.<Long, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse(people.keySet().iterator().next());
        CoEditingService.Connection author = people.get(authorId);
        List<DraftService.Contributor> coAuthors = sizes.entrySet().stream()
                .filter(e -> e.getKey() != authorId && e.getValue() > 0)
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
                .map(e -> people.get(e.getKey())).filter(p -> p != null)
                .map(p -> new DraftService.Contributor(p.name, p.email)).toList();
        String why = message != null ? message : automaticMessage(taken.keySet());
        Optional<VersionInfo> version;
        try {
            version = LiveCommits.commit(drafts, projectId, bodies,
                    new DraftService.Contributor(author.name, author.email), coAuthors, why);
        } catch (RuntimeException refused) {
            if (bodies.size() == 1) {
                throw refused;
            }
            // One clause's text cannot be stored (e.g. an unclosed code fence): write the others one by one, so a
            // single clause never holds back the rest; the refused one stays in the journal.
            Optional<VersionInfo> last = Optional.empty();
            for (String clauseId : bodies.stream().map(LiveCommits.Pending::clauseId).toList()) {
                try {
                    Optional<VersionInfo> one = checkpointClauses(List.of(clauseId), message);
                    last = one.isPresent() ? one : last;
                } catch (RuntimeException e) {
                    log.warn("Checkpoint of {} {} refused; its edits stay in the journal: {}", projectId, clauseId,
                            e.getMessage());
                }
            }
            return last;
        }
        Instant now = clock.instant();
        taken.forEach((live, state) -> {
            journal.checkpointed(live.sessionId, state.revision(), version.map(VersionInfo::commitId).orElse(null));
            synchronized (live) {
                live.checkpointText = state.text();
                live.checkpointRevision = state.revision();
                live.lastCheckpoint = now;
                live.pending.removeIf(p -> p[0] <= state.revision());
            }
        });
        return version;
    }

    private static String automaticMessage(Set<LiveClause> clauses) {
        List<String> ids = clauses.stream().map(l -> l.clauseId).sorted().toList();
        String list = ids.size() <= 5 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
        // The subject stays English for Git tools; the trailers let the interface say it in the reader's language.
        return "Live edits of " + list + "\n\n" + VersionNote.trailers("live-edits", "", ids);
    }
}
