package org.draftroom.drafts.storage;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.draftroom.base.cluster.ClusterJobs;
import org.draftroom.drafts.DraftVersionCommitted;
import org.draftroom.drafts.DraftVersionTagged;
import org.draftroom.drafts.DraftsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes every project's repository to a mirror ({@code draftroom.drafts.mirror.url}), so that a committee's drafts
 * are where its members already read code. Each new version or tag queues a push of its project; every
 * {@code interval} all projects are queued (what a failed push or another node's commit left behind). Pushes run
 * one at a time on a thread of their own ({@code draftroom-mirror}), never inside a save: a mirror that is down delays
 * nothing and loses nothing, it is only behind until it answers again. A project already queued is not queued twice.
 * Fast-forward only ({@link DraftStore#mirror}): a push that started before another never rewinds the mirror.
 */
@Component
class RepositoryMirror implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RepositoryMirror.class);

    private final DraftStore store;
    private final DraftsProperties.Mirror settings;
    private final ClusterJobs jobs;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService pushing = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "draftroom-mirror");
        thread.setDaemon(true);
        return thread;
    });

    RepositoryMirror(DraftStore store, DraftsProperties properties, ClusterJobs jobs) {
        this.store = store;
        this.settings = properties.mirror();
        this.jobs = jobs;
    }

    @EventListener
    void on(DraftVersionCommitted event) {
        queue(event.projectId());
    }

    @EventListener
    void on(DraftVersionTagged event) {
        queue(event.projectId());
    }

    /** Every project again, by one node of a cluster. */
    @Scheduled(fixedDelayString = "${draftroom.drafts.mirror.interval:PT5M}", initialDelay = 60_000)
    void all() {
        if (!settings.enabled() || (jobs != null && !jobs.claim("mirror", settings.interval().dividedBy(2)))) {
            return;
        }
        store.listProjects().forEach(this::queue);
    }

    /** Queues a push of the project, unless the mirror is off or one is queued already. */
    void queue(String projectId) {
        if (settings.enabled() && queued.add(projectId)) {
            pushing.execute(() -> {
                queued.remove(projectId);
                push(projectId);
            });
        }
    }

    /**
     * Pushes the project now, on the caller's thread.
     *
     * @return whether the mirror has all of the project's versions and tags
     */
    boolean push(String projectId) {
        String url = settings.urlOf(projectId);
        String shown = url.replaceFirst("://[^/@]*@", "://"); // never a token written in the URL into the log
        try {
            long started = System.nanoTime();
            List<String> refused = store.mirror(projectId, url, settings.username(), settings.password());
            if (!refused.isEmpty()) {
                log.warn("The mirror {} refused {} of {}: it has versions this installation does not have",
                        shown, refused, projectId);
                return false;
            }
            log.debug("Mirrored {} to {} in {} ms", projectId, shown, (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not push {} to its mirror {}; tried again within {}: {}", projectId, shown,
                    settings.interval(), e.getCause() != null ? e.getCause().toString() : e.toString());
            return false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        pushing.shutdownNow();
        pushing.awaitTermination(10, TimeUnit.SECONDS);
    }
}
