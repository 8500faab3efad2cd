package org.draftroom.comments.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.anchoring.Reanchoring;
import org.draftroom.comments.data.CommentRepository;
import org.draftroom.comments.data.CommentRepository.StoredPlacement;
import org.draftroom.comments.domain.CommentEvent;
import org.draftroom.drafts.DraftVersionCommitted;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.service.DraftReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries the comments of a project to each new version of its draft, so that listing them in the latest version is
 * a plain SQL query.
 *
 * <p><b>Synchronous, after the commit.</b> The listener runs in the thread that saved the version, once its
 * transaction has committed (or at once when there was none), in a transaction of its own. So when a save returns,
 * its comments already stand in the new version, and the person who saved sees them there; the cost is bounded (the
 * benchmark in {@code docs/benchmarks.md}: 10,000 comments after a change of 100 clauses of the large sample). A
 * failure never reaches the save: it is logged, the placements stay in the older version, {@link CommentReader}
 * still places the comments correctly in any version (in memory), and the next commit catches up.
 *
 * <p><b>Stored.</b> The event is stored with the saving transaction (Spring Modulith's event publication registry)
 * and its publication completed when this listener returns; when the process dies in between, the next start runs
 * the listener again. Synchronous rather than an asynchronous {@code @ApplicationModuleListener}, because the person
 * who saved must see the comments in the new version at once.
 *
 * <p><b>Idempotent and order-proof.</b> The target is the project's latest version when the listener runs, not the
 * event's commit, and only comments not already placed there are carried (from each one's own placement version,
 * one {@link Reanchoring} per source version). Runs for one project are serialised by a database lock that comment
 * creation takes too. A re-delivered or late event thus finds nothing to do.
 *
 * <p><b>Only what moved is written.</b> The project has one placement version that comments follow; a commit
 * usually leaves most comments where they were (same clause, number and offsets), and their rows are not written:
 * only the project's version changes. Rows whose placement changed, or that were placed in a version of their own,
 * are written in one {@code update ... from unnest} statement. A {@code REANCHORED} event is recorded only when a comment's status changes (anchored,
 * outdated, orphaned).
 */
@Component
public class CommentReanchoring {

    private static final Logger log = LoggerFactory.getLogger(CommentReanchoring.class);

    private final CommentRepository comments;
    private final DraftReader drafts;
    private final OutlineCache versions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CommentReanchoring(CommentRepository comments, DraftReader drafts, OutlineCache versions,
                       PlatformTransactionManager transactions, Clock clock) {
        this.comments = comments;
        this.drafts = drafts;
        this.versions = versions;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(DraftVersionCommitted event) {
        try {
            long started = System.nanoTime();
            int moved = carryToLatest(event.projectId());
            if (moved > 0) {
                log.info("Re-anchored {} comments of {} to {} in {} ms", moved, event.projectId(),
                        event.commitId(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.error("Could not re-anchor the comments of {} after version {}; they stay placed in an older version"
                    + " and are placed on the fly until the next version", event.projectId(), event.commitId(), e);
        }
    }

    /**
     * Carries every comment of the project not yet placed in its latest version there, in a transaction of its own
     * (what the listener does; also for maintenance and the benchmark). A system operation: no access check.
     *
     * @return how many comments were carried
     */
    public int carryToLatest(String projectId) {
        Integer moved = transaction.execute(status -> reanchor(projectId));
        return moved == null ? 0 : moved;
    }

    private int reanchor(String projectId) {
        Optional<String> head = drafts.head(projectId);
        if (head.isEmpty()) {
            return 0;
        }
        comments.lockProjectPlacements(projectId);
        String target = drafts.head(projectId).orElseThrow();
        long t0 = System.nanoTime();
        List<StoredPlacement> stale = comments.placementsNotIn(projectId, target);
        if (stale.isEmpty()) {
            return 0;
        }
        long t1 = System.nanoTime();
        DraftDocument targetDocument = versions.outline(projectId, target).document();
        Map<String, List<StoredPlacement>> bySource = new LinkedHashMap<>();
        stale.forEach(s -> bySource.computeIfAbsent(s.placementCommitId(), k -> new ArrayList<>()).add(s));
        Map<String, Reanchoring> fromAnchors = new HashMap<>();

        List<StoredPlacement> written = new ArrayList<>();
        List<Long> changedIds = new ArrayList<>();
        List<String> changeDetails = new ArrayList<>();
        int pinned = 0;
        for (Map.Entry<String, List<StoredPlacement>> source : bySource.entrySet()) {
            Reanchoring step = step(projectId, source.getKey(), targetDocument);
            for (StoredPlacement previous : source.getValue()) {
                Placement before = previous.placement();
                Placement next = null;
                if (step != null) {
                    try {
                        next = step.place(before);
                    } catch (IllegalArgumentException doesNotFit) {
                        // Should not happen: start again from the anchor, checked against the version it was made on.
                    }
                }
                if (next == null) {
                    Reanchoring fromAnchor = fromAnchors.computeIfAbsent(before.anchor().commitId(),
                            c -> step(projectId, c, targetDocument));
                    next = fromAnchor == null ? null : fromAnchor.place(before.anchor());
                }
                if (next == null) {
                    // Neither its version nor its anchor's can be read (a repository restored without them): the
                    // comment keeps its version of its own, so it never claims a place it was not carried to.
                    pinned++;
                    if (previous.followsProject()) {
                        written.add(new StoredPlacement(previous.id(), before, previous.placementCommitId(), false));
                    }
                    continue;
                }
                if (!previous.followsProject() || !samePlace(before, next)) {
                    written.add(new StoredPlacement(previous.id(), next, target, true));
                }
                if (next.status() != before.status()) {
                    changedIds.add(previous.id());
                    changeDetails.add(before.status() + " " + next.status() + " " + target);
                }
            }
        }
        if (pinned > 0) {
            log.warn("{} comments of {} could not be carried to {}: the versions they stand in cannot be read",
                    pinned, projectId, target);
        }
        long t2 = System.nanoTime();
        comments.movePlacements(projectId, written, target);
        comments.insertSystemEvents(changedIds, changeDetails, CommentEvent.REANCHORED, clock.instant());
        log.debug("Re-anchoring {}: read {} placements in {} ms, placed them in {} ms, wrote the {} that moved in {} ms",
                projectId, stale.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, written.size(),
                (System.nanoTime() - t2) / 1_000_000);
        return stale.size();
    }

    /** The step from a version to the target, or null if that version cannot be read (logged). */
    private Reanchoring step(String projectId, String from, DraftDocument target) {
        try {
            return Reanchoring.between(versions.outline(projectId, from).document(), target);
        } catch (RuntimeException unreadable) {
            log.warn("Version {} of {} cannot be read to re-anchor comments from it: {}", from, projectId,
                    unreadable.toString());
            return null;
        }
    }

    /** Whether two placements put the comment at the same place (then its row need not be written). */
    private static boolean samePlace(Placement a, Placement b) {
        return a.status() == b.status() && a.clauseId().equals(b.clauseId())
                && a.clauseNumber().equals(b.clauseNumber()) && a.highlight().equals(b.highlight())
                && a.candidate().equals(b.candidate());
    }
}
