package org.draftroom.search.service;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.draftroom.comments.CommentCreated;
import org.draftroom.drafts.DraftVersionCommitted;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.drafts.service.ProjectFeed;
import org.draftroom.rounds.DispositionRecorded;
import org.draftroom.rounds.DispositionsPublished;
import org.draftroom.rounds.RoundOpened;
import org.draftroom.rounds.service.RoundFeed;
import org.draftroom.search.SearchProperties;
import org.draftroom.search.data.SearchChanges;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.index.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Keeps this node's index current.
 *
 * <ul>
 *   <li><b>Rebuild</b>: when the application is ready, and then every {@code draftroom.search.refresh-interval}, the
 *   whole index is built from Git and PostgreSQL and swapped in; the change log's position is read before, so
 *   nothing that changes during a rebuild is missed.</li>
 *   <li><b>Events</b>: the drafts', comments' and rounds' events (the stored, asynchronous ones that re-anchor
 *   comments) append the project to the change log {@code search_change} and re-index it on this node at once.</li>
 *   <li><b>Other nodes</b>: every {@code poll-interval} the node reads the log after its cursor and re-indexes the
 *   projects it has not indexed yet. Ids come from a sequence, and a transaction that took an id may commit after
 *   a later one: a gap below the cursor is waited for ten seconds before it is taken as rolled back.</li>
 * </ul>
 */
@Service
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final Duration GAP_WAIT = Duration.ofSeconds(10);

    private final SearchIndex index = new SearchIndex();
    private final ProjectFeed projects;
    private final DraftReader drafts;
    private final RoundFeed rounds;
    private final ItemsOfProject items;
    private final SearchChanges changes;
    private final SearchProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });

    /** Every change id up to this one has been applied. */
    private long cursor;
    /** Applied changes above the cursor, with when they were seen (to time out gaps below them). */
    private final TreeMap<Long, Instant> applied = new TreeMap<>();
    private volatile boolean ready;
    private final java.util.concurrent.atomic.AtomicBoolean catchUpQueued =
            new java.util.concurrent.atomic.AtomicBoolean();

    SearchIndexer(ProjectFeed projects, DraftReader drafts, RoundFeed rounds, ItemsOfProject items,
                  SearchChanges changes, SearchProperties properties, Clock clock) {
        this.projects = projects;
        this.drafts = drafts;
        this.rounds = rounds;
        this.items = items;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    public SearchIndex index() {
        return index;
    }

    /** Whether the first build finished (until then searches find nothing and say so). */
    public boolean ready() {
        return ready;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        rebuild();
        long poll = Math.max(50, properties.pollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::pollSafely, poll, poll, TimeUnit.MILLISECONDS);
        long refresh = properties.refreshInterval().toMillis();
        if (refresh > 0) {
            scheduler.scheduleWithFixedDelay(this::rebuildSafely, refresh, refresh, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() throws Exception {
        scheduler.shutdownNow();
        index.close();
    }

    /** Builds the whole index again from Git and PostgreSQL; returns the number of items. */
    public synchronized int rebuild() {
        long from = changes.latest();
        List<IndexedItem> all = new ArrayList<>();
        for (Project project : projects.all()) {
            try {
                all.addAll(items.items(project));
            } catch (RuntimeException e) {
                log.warn("Could not index project {}: {}", project.id(), e.toString());
            }
        }
        index.replaceAll(all);
        cursor = from;
        applied.headMap(from, true).clear();
        ready = true;
        return all.size();
    }

    /** Re-indexes one project now (its items leave the index when it no longer exists). */
    public synchronized void reindex(String projectId) {
        index.replaceProject(projectId, drafts.project(projectId).map(items::items).orElse(List.of()));
    }

    /** Applies the changes of the log this node has not applied; returns how many projects were re-indexed. */
    public synchronized int catchUp() {
        Set<String> todo = new LinkedHashSet<>();
        Instant now = clock.instant();
        for (SearchChanges.Change change : changes.after(cursor, 10_000)) {
            if (applied.putIfAbsent(change.id(), now) == null) {
                todo.add(change.projectId());
            }
        }
        todo.forEach(this::reindex);
        advance(now);
        return todo.size();
    }

    private void advance(Instant now) {
        Iterator<Map.Entry<Long, Instant>> it = applied.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Instant> e = it.next();
            boolean next = e.getKey() == cursor + 1;
            if (next || e.getValue().plus(GAP_WAIT).isBefore(now)) {
                cursor = e.getKey();
                it.remove();
            } else {
                break;
            }
        }
    }

    /**
     * Records the change in the log, which completes the event, and asks the indexer's thread to catch up at once.
     * The re-indexing itself happens there: a burst of events (hundreds of comments, or the events republished after
     * a crash) costs one re-index per project, not one per event, and never holds up the event registry.
     */
    private void changed(String projectId) {
        changes.record(projectId);
        if (catchUpQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    catchUpQueued.set(false);
                    pollSafely();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                catchUpQueued.set(false); // the node is stopping; the change is in the log for the others
            }
        }
    }

    private void pollSafely() {
        try {
            catchUp();
            if (clock.instant().getEpochSecond() % 3600 == 0) {
                changes.deleteBefore(clock.instant().minus(Duration.ofDays(1)));
            }
        } catch (RuntimeException e) {
            log.warn("Search could not read the change log: {}", e.toString());
        }
    }

    private void rebuildSafely() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            log.warn("Search could not rebuild its index: {}", e.toString());
        }
    }

    // --- events ----------------------------------------------------------------------------------------------------

    @ApplicationModuleListener
    void on(DraftVersionCommitted event) {
        changed(event.projectId());
    }

    @ApplicationModuleListener
    void on(CommentCreated event) {
        changed(event.projectId());
    }

    @ApplicationModuleListener
    void on(RoundOpened event) {
        rounds.round(event.roundId()).ifPresent(r -> changed(r.projectId()));
    }

    @ApplicationModuleListener
    void on(DispositionsPublished event) {
        rounds.round(event.roundId()).ifPresent(r -> changed(r.projectId()));
    }

    @ApplicationModuleListener
    void on(DispositionRecorded event) {
        rounds.round(event.roundId()).ifPresent(r -> changed(r.projectId()));
    }
}
