package org.draftroom.base.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages between the nodes of a cluster through PostgreSQL's {@code LISTEN}/{@code NOTIFY} (channel
 * {@code draftroom}): a node {@link #publish}es a topic and a payload, every other node's handlers of that topic get
 * the payload within milliseconds. Nothing is kept: a node that was away misses what was said meanwhile, so messages
 * only say "look again" (a clause's text moved, presence changed, a cache entry is stale); the state itself is in the
 * database. One thread per node ({@code draftroom-cluster-bus}) holds one connection listening, waiting with the
 * driver's {@link PGConnection#getNotifications(int)}, and reconnects after a failure.
 *
 * <p>The same connection holds a session-level advisory lock named after the node ({@link #nodeAlive}): PostgreSQL
 * releases it the moment that connection closes, a SIGKILLed node's included, so what a node left in the database
 * (its editors' presence) can be told apart from a living node's without waiting for a time-out.
 *
 * <p>With one node nothing is sent and no thread runs.
 */
@Component
public class ClusterBus implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);
    static final String CHANNEL = "draftroom";
    /** The first key of the advisory locks that say "this node is alive"; the second is the node name's hash. */
    static final int ALIVE_LOCK = 19021;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ClusterProperties properties;
    private final String node;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread thread;

    ClusterBus(DataSource dataSource, JdbcClient jdbc, ClusterProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
        this.node = properties.node();
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public String node() {
        return node;
    }

    /** Tells the other nodes; a no-op with one node. The payload must not contain a tab. */
    public void publish(String topic, String payload) {
        if (!properties.enabled()) {
            return;
        }
        jdbc.sql("select pg_notify(:c, :p)").param("c", CHANNEL).param("p", node + "\t" + topic + "\t" + payload)
                .query().singleValue();
    }

    /**
     * A message to send with {@code pg_notify(channel, payload)} inside a statement of one's own, saving the round
     * trip of {@link #publish}: PostgreSQL delivers it when that statement's transaction commits, and drops it if it
     * rolls back. Empty with one node. The payload must not contain a tab.
     */
    public java.util.Optional<Notice> notice(String topic, String payload) {
        return properties.enabled() ? java.util.Optional.of(new Notice(CHANNEL, node + "\t" + topic + "\t" + payload))
                : java.util.Optional.empty();
    }

    /** The arguments of {@code pg_notify} for a message of {@link #notice}. */
    public record Notice(String channel, String payload) {
    }

    /** Calls {@code handler} with the payload of every message of {@code topic} from another node. */
    public void subscribe(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /**
     * An SQL condition, true while the node named by the expression {@code nodeColumn} is alive: its bus connection
     * holds its advisory lock. Turns false as soon as PostgreSQL sees that connection close (at once for a process
     * that is killed; for a machine that vanishes, when TCP gives up on it).
     */
    public static String nodeAlive(String nodeColumn) {
        return "exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 2"
                + " and l.classid = " + ALIVE_LOCK + " and l.objid::bigint = (hashtext(" + nodeColumn
                + ")::bigint + 4294967296) % 4294967296 and l.database = (select oid from pg_database"
                + " where datname = current_database()))";
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                log.info("Node {} listens to the cluster", node);
                boolean alive = false;
                try {
                    while (running) {
                        if (!alive) {
                            // A try: the connection of this node's previous, killed process may hold it still, for
                            // as long as PostgreSQL takes to see that connection gone.
                            alive = holdAliveLock(connection, "pg_try_advisory_lock");
                        }
                        PGNotification[] notifications = pg.getNotifications(500);
                        if (notifications != null) {
                            for (PGNotification n : notifications) {
                                dispatch(n.getParameter());
                            }
                        }
                    }
                } finally {
                    if (alive && running) {
                        // Listening failed while the node runs on: the pool keeps the connection, and the session
                        // lock with it, unless it is released. (On shutdown the pool closes the connection, which
                        // releases the lock; the embedded database may be gone already.)
                        holdAliveLock(connection, "pg_advisory_unlock");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening to the cluster failed; trying again in a second: {}", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    private boolean holdAliveLock(Connection connection, String function) throws SQLException {
        try (var statement = connection.prepareStatement("select " + function + "(?, hashtext(?))")) {
            statement.setInt(1, ALIVE_LOCK);
            statement.setString(2, node);
            try (var rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void dispatch(String message) {
        String[] parts = message.split("\t", 3);
        if (parts.length < 3 || parts[0].equals(node)) {
            return;
        }
        for (Consumer<String> handler : handlers.getOrDefault(parts[1], List.of())) {
            try {
                handler.accept(parts[2]);
            } catch (RuntimeException e) {
                log.warn("Handling the cluster message {} failed", parts[1], e);
            }
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        Thread t = new Thread(this::listen, "draftroom-cluster-bus");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
