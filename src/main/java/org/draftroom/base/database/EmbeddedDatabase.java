package org.draftroom.base.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server (zonky binaries) over one data directory, run for a product rather than for tests:
 * <ul>
 * <li>durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on (the library starts the
 *     server with {@code -F}, fsync off; a later {@code -c fsync=on} on the same command line wins);</li>
 * <li>closed: every connection needs a password (SCRAM) over TCP on the loopback address, no Unix socket; the
 *     application connects as {@code draftroom}, the owner of its database and no superuser. A data directory of an
 *     earlier version (trust authentication, tables owned by {@code postgres}) is converted on start;</li>
 * <li>crash-proof: a server left running by a killed JVM, or orphaned backends of a killed server, are stopped
 *     before the new start ({@link #stopLeftovers});</li>
 * <li>supervised: a daemon thread checks the postmaster every {@code superviseInterval} and starts the server again,
 *     on the same data directory and port, when it died; the connection pool then reconnects by itself.</li>
 * </ul>
 * Thread-safe; {@link #close()} stops the server.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "draftroom";
    static final String APPLICATION_ROLE = "draftroom";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(60);
    private static final String HBA = """
            # Written by Draftroom: every connection needs a password (SCRAM), over TCP on the loopback address only.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """;

    private final Path dir;
    private final EmbeddedCredentials credentials;
    private final int port;
    private final Map<String, String> serverSettings;
    private final ScheduledExecutorService supervisor;
    private volatile EmbeddedPostgres server;
    private volatile long postmasterPid;
    private volatile boolean closed;

    private EmbeddedDatabase(Path dir, EmbeddedCredentials credentials, int port, Duration superviseInterval,
                             Map<String, String> serverSettings) {
        this.dir = dir;
        this.credentials = credentials;
        this.port = port;
        this.serverSettings = serverSettings;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-supervisor");
            t.setDaemon(true);
            return t;
        });
        supervisor.scheduleWithFixedDelay(this::supervise, superviseInterval.toMillis(), superviseInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the server over {@code dir} (created and initialised when empty), with passwords from
     * {@code credentialsFile}, after stopping a server a crashed JVM left running on the same directory;
     * {@code serverSettings} (PostgreSQL's names, hyphens for underscores) win over the ones set here.
     */
    static EmbeddedDatabase start(Path dir, Path credentialsFile, Duration superviseInterval,
                                  Map<String, String> serverSettings) throws IOException {
        Files.createDirectories(dir);
        stopLeftovers(dir);
        EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(credentialsFile);
        int port = freePort();
        EmbeddedDatabase database = new EmbeddedDatabase(dir, credentials, port, superviseInterval,
                serverSettings);
        try {
            synchronized (database) {
                database.launch();
            }
        } catch (IOException | RuntimeException e) {
            database.close(); // no supervisor left behind restarting a server the application gave up on
            throw e;
        }
        return database;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    String applicationPassword() {
        return credentials.application();
    }

    /** Whether the postmaster process is alive right now. */
    boolean running() {
        return !closed && ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    private void launch() throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "60")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("unix_socket_directories", "''")
                .setConnectConfig("password", credentials.superuser())
                // crash recovery after a kill replays the WAL first: give it time on a loaded machine
                .setPGStartupWait(Duration.ofMinutes(3));
        serverSettings.forEach((name, value) -> builder.setServerConfig(name.replace('-', '_'), value));
        server = builder.start();
        postmasterPid = readPostmasterPid(dir).orElse(-1L);
        secure();
        log.info("Embedded PostgreSQL (pid {}) on port {} with data in {} ({} ms)", postmasterPid, port, dir,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Makes the server refuse connections without a password and gives the database to the application role.
     * Idempotent, so a crash half-way is completed by the next start; the passwords file was written first.
     */
    private void secure() throws IOException {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            Path hba = Path.of(single(s, "show hba_file"));
            boolean converting = !Files.readString(hba, StandardCharsets.UTF_8).equals(HBA);
            if (converting) {
                log.info("Embedded PostgreSQL: requiring passwords and a non-superuser application role in {}", dir);
                s.execute("alter role postgres with password " + literal(c, credentials.superuser()));
            }
            if (!exists(c, "select 1 from pg_roles where rolname = ?", APPLICATION_ROLE)) {
                s.execute("create role " + APPLICATION_ROLE + " login nosuperuser nocreatedb nocreaterole password "
                        + literal(c, credentials.application()));
            } else if (converting) {
                s.execute("alter role " + APPLICATION_ROLE + " login nosuperuser password "
                        + literal(c, credentials.application()));
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + APPLICATION_ROLE
                        + " encoding 'UTF8' template template0");
            } else {
                s.execute("alter database " + DATABASE + " owner to " + APPLICATION_ROLE);
            }
            if (converting) {
                try (Connection db = superuser(DATABASE); Statement ds = db.createStatement()) {
                    ds.execute(REASSIGN_PUBLIC_OBJECTS);
                }
                Path tmp = hba.resolveSibling("pg_hba.conf.tmp");
                Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
                Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                s.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IOException("Cannot prepare the embedded database in " + dir, e);
        }
    }

    /** Everything in schema public owned by another role (tables of an earlier version, owned by postgres). */
    private static final String REASSIGN_PUBLIC_OBJECTS = """
            do $$
            declare r record;
            begin
              execute 'alter schema public owner to %1$s';
              for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                          and pg_get_userbyid(c.relowner) <> '%1$s'
                          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                          and d.objid = c.oid and d.deptype in ('a', 'i')) loop
                execute format('alter %%s public.%%I owner to %1$s',
                  case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                 when 'S' then 'sequence' else 'table' end, r.relname);
              end loop;
              for r in select p.proname, pg_get_function_identity_arguments(p.oid) as args
                         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s' loop
                execute format('alter routine public.%%I(%%s) owner to %1$s', r.proname, r.args);
              end loop;
              for r in select t.typname, t.typtype from pg_type t join pg_namespace n on n.oid = t.typnamespace
                        where n.nspname = 'public' and t.typtype in ('e', 'd')
                          and pg_get_userbyid(t.typowner) <> '%1$s' loop
                execute format('alter %%s public.%%I owner to %1$s',
                  case r.typtype when 'd' then 'domain' else 'type' end, r.typname);
              end loop;
            end $$
            """.formatted(APPLICATION_ROLE);

    private Connection superuser(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", credentials.superuser());
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, p);
    }

    private void supervise() {
        if (closed || running() || jvmShuttingDown()) {
            return;
        }
        synchronized (this) {
            if (closed || running() || jvmShuttingDown()) {
                return;
            }
            log.warn("Embedded PostgreSQL (pid {}) is gone; starting it again on port {}", postmasterPid, port);
            closeServer();
            try {
                stopLeftovers(dir);
                launch();
            } catch (IOException | RuntimeException e) {
                if (jvmShuttingDown()) {
                    // the JVM began to stop while the server started: stop it, or it would outlive the JVM
                    stopQuietly();
                    return;
                }
                log.error("Embedded PostgreSQL did not start again; trying again shortly", e);
            }
        }
    }

    /**
     * Whether the JVM is stopping. The embedded library stops the server from a shutdown hook of its own, which may run
     * before the application context closes this; the supervisor must not take that for a crash and start the server
     * again (it would outlive the JVM). Adding a hook fails exactly once shut-down has begun.
     */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    private void stopQuietly() {
        try {
            stopLeftovers(dir);
        } catch (IOException | RuntimeException e) {
            log.debug("Stopping the embedded PostgreSQL server during shut-down failed", e);
        }
    }

    private void closeServer() {
        EmbeddedPostgres current = server;
        server = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Stopping the embedded PostgreSQL server failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        supervisor.shutdownNow();
        closeServer();
    }

    /**
     * Ends every PostgreSQL process still working on {@code dir}: a server left running by a JVM that was killed, or
     * the backends of a postmaster that was killed and have not noticed yet (a new server refuses to start while they
     * hold the old shared memory). They are found by their working directory, which PostgreSQL sets to its data
     * directory. A live postmaster gets SIGTERM, PostgreSQL's smart shutdown, which completes at once since its
     * clients died with that JVM; orphaned backends get a few seconds to exit by themselves, then SIGKILL (their
     * postmaster is gone, so crash recovery follows in any case).
     */
    static void stopLeftovers(Path dir) throws IOException {
        Path real = dir.toRealPath();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(p -> real.equals(workingDirectory(p)))
                .toList();
        if (leftovers.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPostmasterPid(dir)
                .flatMap(pid -> leftovers.stream().filter(p -> p.pid() == pid).findFirst());
        Duration wait = postmaster.isPresent() ? LEFTOVER_STOP_WAIT : Duration.ofSeconds(10);
        log.warn("{} PostgreSQL processes of an earlier run still use {} ({}): stopping them", leftovers.size(), dir,
                postmaster.map(p -> "postmaster " + p.pid()).orElse("postmaster gone"));
        postmaster.ifPresent(ProcessHandle::destroy);
        long deadline = System.nanoTime() + wait.toNanos();
        for (ProcessHandle p : leftovers) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                log.warn("PostgreSQL process {} did not stop within {}; killing it", p.pid(), wait);
                p.destroyForcibly();
                p.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping a leftover PostgreSQL server", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e);
            }
        }
    }

    private static Path workingDirectory(ProcessHandle p) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    static Optional<Long> readPostmasterPid(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A string literal for DDL that takes no parameters ({@code password '...'}). */
    private static String literal(Connection c, String value) throws SQLException {
        return "'" + c.unwrap(org.postgresql.PGConnection.class).escapeLiteral(value) + "'";
    }
}
