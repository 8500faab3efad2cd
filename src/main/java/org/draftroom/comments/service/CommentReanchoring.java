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
 * failure never reaches the save: it is logged, the placements stay in the older version, {@link CommentService}
 * still places the comments correctly in any version (in memory), and the next commit catches up.
 *
 * <p><b>Idempotent and order-proof.</b> The target is the project's latest version when the listener runs, not the
 * event's commit, and only comments not already placed there are carried (from each one's own placement version,
 * one {@link Reanchoring} per source version). Runs for one project are serialised by a database lock, and a row is
 * only updated if its placement version is still the one it was carried from. A re-delivered or late event thus
 * finds nothing to do. A {@code REANCHORED} event is recorded only when a comment's status changes (anchored,
 * outdated, orphaned).
 */
@Component
class CommentReanchoring {

    private static final Logger log = LoggerFactory.getLogger(CommentReanchoring.class);

    private final CommentRepository comments;
    private final DraftReader drafts;
    private final Versions versions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CommentReanchoring(CommentRepository comments, DraftReader drafts, Versions versions,
                       PlatformTransactionManager transactions, Clock clock) {
        this.comments = comments;
        this.drafts = drafts;
        this.versions = versions;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DraftVersionCommitted event) {
        try {
            long started = System.nanoTime();
            Integer moved = transaction.execute(status -> reanchor(event.projectId()));
            if (moved != null && moved > 0) {
                log.info("Re-anchored {} comments of {} to {} in {} ms", moved, event.projectId(),
                        event.commitId(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.error("Could not re-anchor the comments of {} after version {}; they stay placed in an older version"
                    + " and are placed on the fly until the next version", event.projectId(), event.commitId(), e);
        }
    }

    /**
     * Carries every comment of the project not yet placed in its latest version there.
     *
     * @return how many comments were carried
     */
    int reanchor(String projectId) {
        Optional<String> head = drafts.head(projectId);
        if (head.isEmpty()) {
            return 0;
        }
        comments.lockProjectPlacements(projectId);
        String target = drafts.head(projectId).orElseThrow();
        List<StoredPlacement> stale = comments.placementsNotIn(projectId, target);
        if (stale.isEmpty()) {
            return 0;
        }
        DraftDocument targetDocument = versions.outline(projectId, target).document();
        Map<String, List<StoredPlacement>> bySource = new LinkedHashMap<>();
        stale.forEach(s -> bySource.computeIfAbsent(s.placementCommitId(), k -> new ArrayList<>()).add(s));
        Map<String, Reanchoring> fromAnchors = new HashMap<>();

        List<StoredPlacement> carried = new ArrayList<>(stale.size());
        Map<Long, String> fromCommits = new HashMap<>();
        List<Long> changedIds = new ArrayList<>();
        List<String> changeDetails = new ArrayList<>();
        for (Map.Entry<String, List<StoredPlacement>> source : bySource.entrySet()) {
            Reanchoring step = Reanchoring.between(versions.outline(projectId, source.getKey()).document(),
                    targetDocument);
            for (StoredPlacement previous : source.getValue()) {
                Placement next;
                try {
                    next = step.place(previous.placement());
                } catch (IllegalArgumentException doesNotFit) {
                    // A stored placement that does not fit its version (should not happen): start again from the
                    // anchor, which is checked against the version it was made on.
                    String anchorCommit = previous.placement().anchor().commitId();
                    next = fromAnchors.computeIfAbsent(anchorCommit, c -> Reanchoring.between(
                            versions.outline(projectId, c).document(), targetDocument))
                            .place(previous.placement().anchor());
                }
                carried.add(new StoredPlacement(previous.id(), next, target));
                fromCommits.put(previous.id(), previous.placementCommitId());
                if (next.status() != previous.placement().status()) {
                    changedIds.add(previous.id());
                    changeDetails.add(previous.placement().status() + " " + next.status() + " " + target);
                }
            }
        }
        int updated = comments.updatePlacements(carried, fromCommits, target);
        comments.insertSystemEvents(changedIds, changeDetails, CommentEvent.REANCHORED, clock.instant());
        return updated;
    }
}
