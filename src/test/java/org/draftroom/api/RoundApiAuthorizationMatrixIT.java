package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.draftroom.WebIntegrationTest;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RegistrationService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.Memberships;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.MembershipService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every round endpoint of {@code docs/openapi.yaml} ({@code /api/v1/rounds...}, and the comment endpoints a reviewer
 * could use to guess another organisation's comment ids) for every kind of caller, over real HTTP with personal
 * access tokens: the expected status per cell, and no foreign comment text in any answer the caller may not see.
 * Each cell is a dynamic test "caller · endpoint → status"; the table as it ran is written to {@code target/authz/}.
 *
 * <p>The fixture (set up once through the services): a WG7 project with an open, a scheduled, a closed (all comments
 * decided) and a published round, each invited to CN-ABC (reviewer1) and CN-BCL (a self-registered "peer" reviewer who
 * writes the other organisation's comments). The reviewer outside the audience is a self-registered public reviewer
 * (the demo reviewer2 is disabled by {@link ApiIT}, which shares this application context).
 *
 * <p>What the code answers: no or an invalid token 401; a round the caller may not see, like an unknown one, 400
 * "there is no consultation round ..." ({@code round.not-found}, a {@code UserFacingException}); other refusals of
 * the round rules 400 with their message; a comment of another organisation, or of a round the caller may not read,
 * 403 without detail; method-security refusals 403.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundApiAuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Matrix-api-2026!";
    /** In the text of CN-BCL's comment of the open round: must appear in no answer to a caller who may not see it. */
    private static final String SECRET = "SECRET-BCL-7f3a";

    @LocalServerPort int port;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired DispositionService dispositions;
    @Autowired CommentService comments;
    @Autowired RoundRepository repository;
    @Autowired RegistrationService registrations;
    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired UserDetailsService users;
    @Autowired DirectoryService directory;
    @Autowired MembershipService memberships;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The callers, in the order of the table's columns; whether they may see CN-BCL's comments before publication. */
    enum Caller {
        NO_TOKEN("no token", false),
        INVALID_TOKEN("invalid token", false),
        REVIEWER_IN("reviewer in audience", false),
        REVIEWER_OUT("reviewer outside audience", false),
        EDITOR("editor of the project's group", true),
        OTHER_EDITOR("editor of another group", false),
        SECRETARIAT("secretariat", true),
        ADMIN("admin", true);

        final String label;
        final boolean seesEveryOrganisation;

        Caller(String label, boolean seesEveryOrganisation) {
            this.label = label;
            this.seesEveryOrganisation = seesEveryOrganisation;
        }
    }

    /** A cell's expectation: the status, and for some 200s whether the answer shows the row's marker. */
    record Expect(int status, Boolean shows) {
        String label() {
            return status + (shows == null ? "" : shows ? " (shown)" : " (not shown)");
        }
    }

    static Expect s(int status) {
        return new Expect(status, null);
    }

    static final Expect SHOWN = new Expect(200, true);
    static final Expect NOT_SHOWN = new Expect(200, false);

    /** A row: method, path and body (made per cell, e.g. a fresh comment to resolve), the marker, the statuses. */
    record Row(String method, String path, Supplier<String[]> request, String marker, Expect[] expected) {
        String name() {
            return method + " " + path;
        }
    }

    // ---- the fixture ------------------------------------------------------------------------------------------------

    private String project;
    private long abc;
    private long bcl;
    private String peer;
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private Round open;
    private Round scheduled;
    private Round closed;
    /** Closed without comments: the secretariat's late comments go here, so that the closed round stays decided. */
    private Round closedForLate;
    private Round published;
    private Comment ownOpen;
    private Comment peerOpen;
    private Comment peerPublished;

    @BeforeAll
    void fixture() throws Exception {
        long n = System.nanoTime() % 1_000_000;
        SignedIn.as(users, "secretariat");
        project = TestProjects.consultationCopy(projects, drafts, "GB/T A" + n, "接口权限矩阵", "API authorization matrix");
        abc = repository.organisationByCode("CN-ABC").orElseThrow().id();
        bcl = repository.organisationByCode("CN-BCL").orElseThrow().id();
        SignedIn.nobody();
        peer = "api-matrix-peer-" + n;
        registrations.register("192.0.2.10", "Peer reviewer", peer + "@example.org", peer, PASSWORD);
        Memberships.join(users, directory, memberships, peer, "CN-BCL");
        String outsider = "api-matrix-outsider-" + n;
        registrations.register("192.0.2.11", "Public reviewer", outsider + "@example.org", outsider, PASSWORD);

        open = freshOpen();
        ownOpen = comment("reviewer1", open, "CN-ABC's own comment in the open round");
        peerOpen = comment(peer, open, "CN-BCL's comment " + SECRET);
        scheduled = schedule(Instant.now().plus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(20)));
        closed = freshOpen();
        Comment a = comment("reviewer1", closed, "CN-ABC in the closed round");
        Comment b = comment(peer, closed, "CN-BCL in the closed round");
        close(closed, a, b);
        closedForLate = freshOpen();
        close(closedForLate);
        published = freshOpen();
        Comment c = comment("reviewer1", published, "CN-ABC in the published round");
        peerPublished = comment(peer, published, "CN-BCL in the published round, PUBLISHED-BCL-91c");
        close(published, c, peerPublished);
        SignedIn.as(users, "secretariat");
        dispositions.publish(published.id());
        SignedIn.nobody();

        tokens.put(Caller.INVALID_TOKEN, "drt_not-a-real-token-000000000000");
        tokens.put(Caller.REVIEWER_IN, token("reviewer1", "draftroom-demo"));
        tokens.put(Caller.REVIEWER_OUT, token(outsider, PASSWORD));
        tokens.put(Caller.EDITOR, token("editor2", "draftroom-demo"));
        tokens.put(Caller.OTHER_EDITOR, token("editor1", "draftroom-demo"));
        tokens.put(Caller.SECRETARIAT, token("secretariat", "draftroom-demo"));
        tokens.put(Caller.ADMIN, token("admin", "draftroom-demo"));
    }

    private Round schedule(Instant opens, Instant closes) {
        SignedIn.as(users, "secretariat");
        try {
            return roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, opens, closes, "",
                    Audience.INVITED, Set.of(abc, bcl), true));
        } finally {
            SignedIn.nobody();
        }
    }

    private Round freshOpen() {
        return schedule(null, Instant.now().plus(Duration.ofDays(30)));
    }

    private void close(Round round, Comment... decided) {
        SignedIn.as(users, "secretariat");
        try {
            roundLifecycle.closeEarly(round.id(), "Closed for the matrix");
            for (Comment c : decided) {
                dispositions.record(c.id(), Disposition.ACCEPTED, "", null);
            }
        } finally {
            SignedIn.nobody();
        }
    }

    private Comment comment(String username, Round round, String body) {
        SignedIn.as(users, username);
        try {
            return comments.create(project, null, new CommentForm(round.id(), CommentType.TE, "c-minimisation", 0, 0,
                    "", body, ""));
        } finally {
            SignedIn.nobody();
        }
    }

    /** A fresh CN-BCL comment in the open round (to resolve), resolved first when {@code resolved} (to reopen). */
    private long freshPeerComment(boolean resolved) {
        Comment c = comment(peer, open, "Another CN-BCL comment " + SECRET);
        if (resolved) {
            SignedIn.as(users, "secretariat");
            try {
                comments.resolve(c.id(), "Settled");
            } finally {
                SignedIn.nobody();
            }
        }
        return c.id();
    }

    private String token(String username, String password) throws Exception {
        return ApiTokens.issue(port, username, password, "authz-matrix");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // ---- the matrix -------------------------------------------------------------------------------------------------

    private static Row row(String method, String path, Supplier<String[]> request, String marker,
                           Expect... expected) {
        assertThat(expected).as(path).hasSize(Caller.values().length);
        return new Row(method, path, request, marker, expected);
    }

    private static Row get(String path, String marker, Expect... expected) {
        return row("GET", path, () -> new String[]{path, null}, marker, expected);
    }

    /**
     * The matrix. Columns: no token, invalid token, reviewer in audience, reviewer outside audience, editor of the
     * project's group, editor of another group, secretariat, admin.
     */
    private List<Row> matrix() {
        String r = "/api/v1/rounds/";
        String newComment = "{\"clauseNumber\":\"5.2\",\"type\":\"te\",\"comment\":\"A comment through the API\"}";
        List<Row> rows = new ArrayList<>();
        Expect e401 = s(401);
        Expect e400 = s(400);
        Expect e403 = s(403);
        Expect e200 = s(200);
        rows.add(get("/api/v1/rounds", "\"id\":" + open.id() + ",",
                e401, e401, SHOWN, NOT_SHOWN, SHOWN, NOT_SHOWN, SHOWN, SHOWN));
        rows.add(get("/api/v1/rounds", "\"id\":" + scheduled.id() + ",",
                e401, e401, NOT_SHOWN, NOT_SHOWN, SHOWN, NOT_SHOWN, SHOWN, SHOWN));
        rows.add(get(r + open.id(), null, e401, e401, e200, e400, e200, e400, e200, e200));
        rows.add(get(r + scheduled.id(), null, e401, e401, e400, e400, e200, e400, e200, e200));
        rows.add(get(r + 987654321, null, e401, e401, e400, e400, e400, e400, e400, e400));
        rows.add(get(r + open.id() + "/outline", null, e401, e401, e200, e400, e200, e400, e200, e200));
        rows.add(get(r + scheduled.id() + "/outline", null, e401, e401, e400, e400, e200, e400, e200, e200));
        rows.add(get(r + open.id() + "/comments", SECRET,
                e401, e401, NOT_SHOWN, e400, SHOWN, e400, SHOWN, SHOWN));
        rows.add(get(r + published.id() + "/comments", "PUBLISHED-BCL-91c",
                e401, e401, SHOWN, e400, SHOWN, e400, SHOWN, SHOWN));
        rows.add(row("POST", r + open.id() + "/comments", () -> new String[]{r + open.id() + "/comments",
                newComment}, null, e401, e401, s(201), e400, e400, e400, s(201), e400));
        rows.add(row("POST", r + scheduled.id() + "/comments", () -> new String[]{r + scheduled.id() + "/comments",
                newComment}, null, e401, e401, e400, e400, e400, e400, e400, e400));
        rows.add(row("POST", r + closedForLate.id() + "/comments", () -> new String[]{r + closedForLate.id()
                + "/comments", newComment}, null, e401, e401, e400, e400, e400, e400, s(201), e400));
        rows.add(get(r + closed.id() + "/dispositions", null, e401, e401, e400, e400, e200, e400, e200, e200));
        rows.add(get(r + published.id() + "/dispositions", "PUBLISHED-BCL-91c",
                e401, e401, SHOWN, e400, SHOWN, e400, SHOWN, SHOWN));
        rows.add(get(r + closed.id() + "/dispositions/export?format=xlsx", null,
                e401, e401, e400, e400, e200, e400, e200, e200));
        rows.add(get(r + published.id() + "/dispositions/export?format=cn-docx", null,
                e401, e401, e200, e400, e200, e400, e200, e200));
        rows.add(get(r + published.id() + "/package", null, e401, e401, e403, e400, e200, e400, e200, e200));
        // Guessing comment ids: another organisation's comment of the open round.
        String c = "/api/v1/comments/";
        rows.add(get(c + ownOpen.id(), null, e401, e401, e200, e403, e200, e403, e200, e200));
        rows.add(get(c + peerOpen.id(), SECRET, e401, e401, e403, e403, SHOWN, e403, SHOWN, SHOWN));
        rows.add(get(c + peerOpen.id() + "/replies", null, e401, e401, e403, e403, e200, e403, e200, e200));
        rows.add(get(c + peerPublished.id(), "PUBLISHED-BCL-91c", e401, e401, SHOWN, e403, SHOWN, e403, SHOWN,
                SHOWN));
        rows.add(row("POST", c + "{CN-BCL's comment}/replies", () -> new String[]{c + peerOpen.id() + "/replies",
                "{\"body\":\"A reply\"}"}, null, e401, e401, e403, e403, s(201), e403, s(201), s(201)));
        rows.add(row("POST", c + "{CN-BCL's comment}/resolve", () -> new String[]{c + freshPeerComment(false)
                + "/resolve", "{\"reason\":\"Settled\"}"}, null, e401, e401, e403, e403, e200, e403, e200, e403));
        rows.add(row("POST", c + "{CN-BCL's comment}/reopen", () -> new String[]{c + freshPeerComment(true)
                + "/reopen", "{\"reason\":\"Not settled\"}"}, null, e401, e401, e403, e403, e200, e403, e200, e403));
        rows.add(get("/api/v1/projects/" + project + "/comments?round=" + open.id(), SECRET,
                e401, e401, NOT_SHOWN, e403, SHOWN, e403, SHOWN, SHOWN));
        // Malformed requests are refused as such (4xx), never answered with 500 (they were, before ApiExceptionHandler
        // handled wrong parameter types and bodies that are not JSON).
        rows.add(get(r + "not-a-round", null, e401, e401, e400, e400, e400, e400, e400, e400));
        rows.add(get(r + open.id() + "/comments?limit=many", null, e401, e401, e400, e400, e400, e400, e400, e400));
        // No endpoint deletes a round: the API's catch-all answers 404, as for any unknown address.
        rows.add(row("DELETE", r + open.id(), () -> new String[]{r + open.id(), null}, null,
                e401, e401, s(404), s(404), s(404), s(404), s(404), s(404)));
        rows.add(row("POST", r + open.id() + "/comments (text/plain)", () -> new String[]{r + open.id()
                + "/comments", "a comment", "text/plain"}, null,
                e401, e401, s(415), s(415), s(415), s(415), s(415), s(415)));
        return rows;
    }

    /** What each cell answered, for the table written after the run. */
    private final Map<String, String[]> observed = Collections.synchronizedMap(new LinkedHashMap<>());

    @TestFactory
    Stream<DynamicTest> everyRoundEndpointForEveryCaller() {
        List<Row> rows = matrix();
        return rows.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> {
            Expect expected = row.expected()[caller.ordinal()];
            String name = row.name() + (row.marker() == null ? "" : " [" + marker(row) + "]");
            return DynamicTest.dynamicTest(caller.label + " · " + name + " → " + expected.label(), () -> {
                String[] line = observed.computeIfAbsent(name, k -> new String[Caller.values().length]);
                line[caller.ordinal()] = "✗ " + expected.label();
                cell(caller, row, expected);
                line[caller.ordinal()] = expected.label();
            });
        }));
    }

    private String marker(Row row) {
        if (row.marker().startsWith("\"id\":")) {
            return row.marker().contains(String.valueOf(open.id())) ? "the open round" : "the scheduled round";
        }
        return row.marker().equals(SECRET) ? "CN-BCL's comment" : "CN-BCL's published comment";
    }

    private void cell(Caller caller, Row row, Expect expected) throws Exception {
        String[] request = row.request().get();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(request[0])).header("Accept-Language", "en");
        if (tokens.containsKey(caller)) {
            b.header("Authorization", "Bearer " + tokens.get(caller));
        }
        if (row.method().equals("POST")) {
            b.header("Content-Type", request.length > 2 ? request[2] : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request[1]));
        } else if (!row.method().equals("GET")) {
            b.method(row.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        assertThat(response.statusCode()).as(caller.label + " " + request[0] + ": " + shown)
                .isEqualTo(expected.status());
        if (expected.shows() != null) {
            assertThat(body.contains(row.marker())).as(caller.label + " " + request[0] + " shows " + marker(row)
                    + ": " + shown).isEqualTo(expected.shows());
        }
        if (!caller.seesEveryOrganisation) {
            assertThat(body).as("no CN-BCL comment text for " + caller.label).doesNotContain(SECRET);
        }
        if (response.statusCode() >= 400) {
            assertThat(JSON.readTree(body).path("message").asText()).as("a JSON error with a message").isNotBlank();
            if (response.statusCode() == 403 || response.statusCode() == 401) {
                assertThat(body).as("a refusal without detail").doesNotContain("CN-BCL");
            }
        }
    }

    @AfterAll
    void writeTable() throws Exception {
        StringBuilder md = new StringBuilder("| endpoint |");
        for (Caller caller : Caller.values()) {
            md.append(' ').append(caller.label).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(Caller.values().length)).append('\n');
        observed.forEach((endpoint, line) -> {
            md.append("| ").append(endpoint).append(" |");
            for (String cell : line) {
                md.append(' ').append(cell == null ? "" : cell).append(" |");
            }
            md.append('\n');
        });
        Path out = Path.of("target", "authz", getClass().getSimpleName() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }
}
