package org.draftroom.base.cluster;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Jobs that must run once per cluster, not once per node: every node's scheduler fires, and the first to
 * {@link #claim} a run takes it. A claim is one statement on {@code cluster_job} (insert, or update when the last run
 * is older than {@code gap}), so it needs no lock held across the job and a node killed during a job blocks nothing.
 * With one node ({@code draftroom.cluster.enabled=false}) every claim succeeds without touching the database.
 */
@Component
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final JdbcClient jdbc;
    private final ClusterProperties properties;
    private final String node;

    ClusterJobs(JdbcClient jdbc, ClusterProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.node = properties.node();
    }

    /**
     * Whether this node runs this firing of {@code job}: true for the first node to ask after the last run is at
     * least {@code gap} old (by the database's clock, the one clock all nodes share). Use about half the job's
     * interval as the gap.
     */
    public boolean claim(String job, Duration gap) {
        if (!properties.enabled()) {
            return true;
        }
        boolean claimed = jdbc.sql("""
                        insert into cluster_job (name, last_run, node, runs) values (:n, clock_timestamp(), :node, 1)
                        on conflict (name) do update set last_run = clock_timestamp(), node = :node,
                                                         runs = cluster_job.runs + 1
                        where cluster_job.last_run < clock_timestamp() - make_interval(secs => :gap)
                        returning runs""")
                .param("n", job).param("node", node).param("gap", gap.toMillis() / 1000.0)
                .query(Long.class).optional().isPresent();
        if (claimed) {
            log.debug("{} runs {}", node, job);
        }
        return claimed;
    }

    /** How many times {@code job} ran in the cluster (0 when never, or with one node). */
    public long runs(String job) {
        return jdbc.sql("select runs from cluster_job where name = :n").param("n", job).query(Long.class).optional()
                .orElse(0L);
    }
}
