package org.draftroom.editing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.draftroom.base.cluster.ClusterBus;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.editing.data.EditJournal;
import org.draftroom.editing.data.LivePresence;
import org.draftroom.editing.sync.Deltas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live co-editing on several nodes ({@code draftroom.cluster.enabled}). The journal in PostgreSQL is the source of
 * truth: every node editing a clause shares its one open {@code live_session}, and before it applies a message (or
 * lets an editor join) a node takes the clause's advisory lock and takes in the edits other nodes journalled since
 * (one query), so the revisions of a clause form one sequence across the nodes and every node's master text is the
 * journal's. Checkpoints are written from the journal, under the project's checkpoint lock, with the
 * checkpointed revision read again under the lock: whichever node finds a checkpoint due writes it, once, crediting
 * the authors the journal names (from any node, a dead one included).
 */
@Component
class ClusterEditing {

    private static final Logger log = LoggerFactory.getLogger(ClusterEditing.class);

    private final EditJournal journal;
    private final LivePresence presence;
    private final DraftService drafts;
    private final TransactionTemplate transactions;
    private final ClusterBus bus;
    private final Clock clock;

    ClusterEditing(EditJournal journal, LivePresence presence, DraftService drafts, TransactionTemplate transactions,
                   ClusterBus bus, Clock clock) {
        this.journal = journal;
        this.presence = presence;
        this.drafts = drafts;
        this.transactions = transactions;
        this.bus = bus;
        this.clock = clock;
    }

    boolean enabled() {
        return bus.enabled();
    }

    ClusterBus bus() {
        return bus;
    }

    LivePresence presence() {
        return presence;
    }

    /** Runs {@code work} in a transaction holding the clause's cluster-wide lock. */
    <T> T inClauseLock(String projectId, String clauseId, Supplier<T> work) {
        return transactions.execute(status -> {
            journal.lock(clauseLock(projectId, clauseId));
            return work.get();
        });
    }

    /**
     * Runs {@code work} in a transaction holding the clause's cluster-wide lock, giving it the session's edits after
     * {@code revision} (empty when the session was closed) read under the lock in the same round trip that takes it.
     */
    <T> T inClauseLockWithStepsAfter(String projectId, String clauseId, long sessionId, long revision,
                                     Function<Optional<List<EditJournal.Step>>, T> work) {
        return transactions.execute(status ->
                work.apply(journal.lockAndStepsAfter(clauseLock(projectId, clauseId), sessionId, revision)));
    }

    private static String clauseLock(String projectId, String clauseId) {
        return "clause:" + projectId + ":" + clauseId;
    }

    /** Where a node starts a clause: the clause's open session (shared) or a new one on the text in Git. */
    record Resumed(long sessionId, String text, long revision) {
    }

    /** Must run inside {@link #inClauseLock} of the clause. */
    Resumed resume(String projectId, String clauseId, Supplier<String> textInGit) {
        Optional<EditJournal.OpenSession> open = journal.openSession(projectId, clauseId);
        if (open.isEmpty()) {
            String text = textInGit.get();
            return new Resumed(journal.open(projectId, clauseId, text, clock.instant()), text, 0);
        }
        String text = open.get().baseText();
        long revision = 0;
        for (EditJournal.Entry e : journal.entries(open.get().id())) {
            text = Deltas.apply(text, e.masterDelta());
            revision = e.revision();
        }
        return new Resumed(open.get().id(), text, revision);
    }

    /** The edits after {@code revision}, or empty when the session was closed (inside the clause's lock). */
    Optional<List<EditJournal.Step>> stepsAfter(long sessionId, long revision) {
        return journal.stepsAfter(sessionId, revision);
    }

    /**
     * Writes the unsaved journalled text of the project's open sessions (all, or those in {@code only}) to Git as one
     * version, under the project's checkpoint lock; each session's checkpointed revision is read again under the lock,
     * so a checkpoint another node wrote meanwhile is not written again.
     */
    Optional<VersionInfo> checkpoint(String projectId, Set<Long> only, String message) {
        return transactions.execute(status -> {
            journal.lock("checkpoint:" + projectId);
            List<LiveCommits.Pending> bodies = new ArrayList<>();
            Map<Long, Long> last = new LinkedHashMap<>();
            Map<Long, Long> sizes = new HashMap<>();
            Map<Long, DraftService.Contributor> people = new HashMap<>();
            List<String> clauseIds = new ArrayList<>();
            for (EditJournal.OpenSession session : journal.openSessions(projectId)) {
                if (only != null && !only.contains(session.id())) {
                    continue;
                }
                Optional<JournalReplay.Unsaved> unsaved = JournalReplay.unsaved(session, journal.entries(session.id()));
                if (unsaved.isEmpty()) {
                    continue;
                }
                unsaved.get().sizes().forEach((user, size) -> sizes.merge(user, size, Long::sum));
                people.putAll(unsaved.get().people());
                bodies.add(unsaved.get().pending(session.clauseId()));
                last.put(session.id(), unsaved.get().lastRevision());
                clauseIds.add(session.clauseId());
            }
            if (bodies.isEmpty()) {
                return Optional.<VersionInfo>empty();
            }
            JournalReplay.Credits credits = JournalReplay.Credits.of(sizes, people);
            String why = message != null ? message : automaticMessage(clauseIds);
            Optional<VersionInfo> version = LiveCommits.commit(drafts, projectId, bodies, credits.author(),
                    credits.coAuthors(), why);
            last.forEach((id, revision) ->
                    journal.checkpointed(id, revision, version.map(VersionInfo::commitId).orElse(null)));
            log.info("Node {} checkpointed {} of {} into {}", bus.node(), clauseIds, projectId,
                    version.map(VersionInfo::shortId).orElse("(no change)"));
            return version;
        });
    }

    /**
     * Writes every checkpoint that is due in the cluster, whichever node acknowledged the edits (a node that died
     * included), and closes sessions nobody uses any more. Every node calls this every second; the locks make each
     * checkpoint happen once.
     */
    void checkpointDue(Instant now, Duration idle, Duration interval) {
        Map<String, Set<Long>> byProject = new LinkedHashMap<>();
        for (EditJournal.OpenSession s : journal.due(now.minus(idle), now.minus(interval))) {
            byProject.computeIfAbsent(s.projectId(), p -> new LinkedHashSet<>()).add(s.id());
        }
        byProject.forEach((projectId, sessions) -> {
            try {
                checkpoint(projectId, sessions, null);
            } catch (RuntimeException e) {
                log.warn("Checkpoint of {} failed; the edits stay in the journal", projectId, e);
            }
        });
    }

    /** Closes sessions wholly in Git that nobody has been in for a while; forgets presence of dead nodes. */
    void closeAbandoned(Instant now) {
        Instant before = now.minus(Duration.ofMinutes(1));
        for (EditJournal.OpenSession s : journal.abandoned(before, now.minus(DocumentSession.PRESENCE_TIMEOUT))) {
            inClauseLock(s.projectId(), s.clauseId(), () -> {
                if (journal.abandoned(before, now.minus(DocumentSession.PRESENCE_TIMEOUT)).stream()
                        .anyMatch(a -> a.id() == s.id())) {
                    journal.close(s.id(), now);
                }
                return null;
            });
        }
        presence.forget(now.minus(Duration.ofHours(1)));
    }

    private static String automaticMessage(List<String> clauseIds) {
        List<String> ids = clauseIds.stream().sorted().toList();
        return "Live edits of " + (ids.size() <= 5 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more");
    }
}
