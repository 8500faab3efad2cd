package org.draftroom.editing.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.editing.data.EditJournal;
import org.draftroom.editing.sync.Deltas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery: for every clause session the journal has not marked closed, rebuilds its text from the base text
 * and the journalled edits (exact deltas, in revision order), and writes what did not reach Git as a version on top of
 * the latest one (the change since the last checkpoint is carried onto the clause as it is now). The author is the
 * person who wrote most of the unsaved change, the others co-authors. Idempotent: a text already in Git changes nothing.
 */
final class JournalReplay {

    private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);

    private final EditJournal journal;
    private final DraftService drafts;
    private final Clock clock;

    JournalReplay(EditJournal journal, DraftService drafts, Clock clock) {
        this.journal = journal;
        this.drafts = drafts;
        this.clock = clock;
    }

    void replay() {
        for (EditJournal.OpenSession session : journal.openSessions()) {
            try {
                replay(session);
            } catch (RuntimeException e) {
                log.error("Could not replay the journalled edits of {} clause {} (live session {}); they stay in the"
                        + " journal", session.projectId(), session.clauseId(), session.id(), e);
            }
        }
    }

    /**
     * The text Git already holds if it is one of the session's texts after its last recorded checkpoint (a checkpoint
     * committed but not recorded before the crash), else the recorded checkpoint's text: carrying the change from the
     * right base never applies an edit twice.
     */
    static String newestIn(List<String> texts, String head, String recorded) {
        for (int i = texts.size() - 1; i >= 0; i--) {
            if (Deltas.sameBody(texts.get(i), head)) {
                return texts.get(i);
            }
        }
        return recorded;
    }

    /**
     * What a live session's journal holds beyond its last recorded checkpoint: the session's text now, the text at
     * that checkpoint, the texts since, and how many characters each person changed since (with their names).
     */
    record Unsaved(long lastRevision, String checkpointed, String text, List<String> since, Map<Long, Long> sizes,
            Map<Long, DraftService.Contributor> people) {

        /**
         * The clause body to write on top of {@code head} (the clause as Git holds it now): the change since the
         * checkpoint carried onto it, from the newest of the session's texts Git already holds.
         */
        UnaryOperator<String> body() {
            return head -> Deltas.rebase(newestIn(since, head, checkpointed), text, head);
        }

        /**
         * The clause's live text for {@link LiveCommits}: written as it is over the checkpoint's text or any of the
         * texts since, carried by {@link #body()} onto anything else Git holds.
         */
        LiveCommits.Pending pending(String clauseId) {
            List<String> over = new ArrayList<>(since);
            over.add(checkpointed);
            return new LiveCommits.Pending(clauseId, over, text, body());
        }
    }

    /**
     * Replays a session's journal (its entries in revision order) from its base text: empty when nothing was
     * journalled after the recorded checkpoint (or the checkpoint's text is not in the journal).
     */
    static Optional<Unsaved> unsaved(EditJournal.OpenSession session, List<EditJournal.Entry> entries) {
        String text = session.baseText();
        String checkpointed = session.checkpointedRevision() == 0 ? text : null;
        Map<Long, Long> sizes = new HashMap<>();
        Map<Long, DraftService.Contributor> people = new HashMap<>();
        long last = 0;
        List<String> since = new ArrayList<>();
        for (EditJournal.Entry e : entries) {
            text = Deltas.apply(text, e.masterDelta());
            last = e.revision();
            if (e.revision() == session.checkpointedRevision()) {
                checkpointed = text;
            }
            if (e.revision() >= session.checkpointedRevision()) {
                since.add(text);
            }
            if (e.revision() > session.checkpointedRevision()) {
                sizes.merge(e.userId(), (long) e.changed(), Long::sum);
                people.put(e.userId(), new DraftService.Contributor(e.authorName(), e.authorEmail()));
            }
        }
        if (last <= session.checkpointedRevision() || checkpointed == null) {
            return Optional.empty();
        }
        return Optional.of(new Unsaved(last, checkpointed, text, since, sizes, people));
    }

    /** A version's author (who changed the most characters) and co-authors (the others who changed any, most first). */
    record Credits(DraftService.Contributor author, List<DraftService.Contributor> coAuthors) {

        static Credits of(Map<Long, Long> sizes, Map<Long, DraftService.Contributor> people) {
            long authorId = sizes.entrySet().stream().max(Map.Entry.<Long, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            List<DraftService.Contributor> coAuthors = sizes.entrySet().stream()
                    .filter(e -> e.getKey() != authorId && e.getValue() > 0)
                    .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
                    .map(e -> people.get(e.getKey())).toList();
            return new Credits(people.get(authorId), coAuthors);
        }
    }

    private void replay(EditJournal.OpenSession session) {
        Optional<Unsaved> found = unsaved(session, journal.entries(session.id()));
        if (found.isEmpty()) {
            journal.close(session.id(), clock.instant());
            return;
        }
        Unsaved unsaved = found.get();
        Credits credits = Credits.of(unsaved.sizes(), unsaved.people());
        Optional<VersionInfo> version = LiveCommits.commit(drafts, session.projectId(),
                List.of(unsaved.pending(session.clauseId())), credits.author(), credits.coAuthors(),
                "Recover live edits of " + session.clauseId() + " after a restart");
        journal.checkpointed(session.id(), unsaved.lastRevision(), version.map(VersionInfo::commitId).orElse(null));
        journal.close(session.id(), clock.instant());
        log.info("Replayed {} journalled edits of {} clause {} into {}",
                unsaved.lastRevision() - session.checkpointedRevision(), session.projectId(), session.clauseId(),
                version.map(VersionInfo::shortId).orElse("(no change)"));
    }
}
