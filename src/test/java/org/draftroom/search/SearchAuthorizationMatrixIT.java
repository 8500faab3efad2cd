package org.draftroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.draftroom.WebIntegrationTest;
import org.draftroom.api.ApiTokens;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.domain.Outline;
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
import org.draftroom.search.service.SearchIndexer;
import org.draftroom.search.service.SearchRequest;
import org.draftroom.search.service.SearchResult;
import org.draftroom.search.service.SearchService;
import org.draftroom.security.Memberships;
import org.draftroom.security.SignedIn;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.MembershipService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Search follows the rules of seeing. A unique word is planted in every kind of object (the working draft's clause
 * and term, the frozen text of rounds, working-draft comments, each organisation's round comments before and after
 * publication, published and unpublished dispositions); for every role the matrix says exactly which of them the
 * word finds, through {@code GET /api/v1/search} with a personal access token and through {@link SearchService} as
 * the UI calls it. Also: Chinese and English queries, clause numbers and codes, bad input, and a commit that is
 * searchable without a rebuild.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Matrix-search-2026!";

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
    @Autowired SearchService search;
    @Autowired SearchIndexer indexer;

    private final HttpClient http = HttpClient.newHttpClient();

    enum Caller { REVIEWER_IN, REVIEWER_OUT, EDITOR, OTHER_EDITOR, SECRETARIAT, ADMIN }

    private final Map<Caller, String> usernames = new LinkedHashMap<>();
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private String project;
    private String suffix;
    private Round open;
    private long abc;
    private long bcl;
    private String peer;
    private String code;

    private String word(String name) {
        return name + suffix;
    }

    @BeforeAll
    void fixture() throws Exception {
        suffix = "q" + (System.nanoTime() % 1_000_000);
        SignedIn.as(users, "secretariat");
        code = "GB/T 7" + (System.nanoTime() % 10_000_000);
        project = TestProjects.consultationCopy(projects, drafts, code, "搜索权限矩阵",
                "Search authorization matrix");
        edit("c-minimisation", word("frozenword"));
        abc = repository.organisationByCode("CN-ABC").orElseThrow().id();
        bcl = repository.organisationByCode("CN-BCL").orElseThrow().id();
        SignedIn.nobody();
        peer = "search-matrix-peer-" + suffix;
        registrations.register("192.0.2.20", "Peer reviewer", peer + "@example.org", peer, PASSWORD);
        Memberships.join(users, directory, memberships, peer, "CN-BCL");
        String outsider = "search-matrix-outsider-" + suffix;
        registrations.register("192.0.2.21", "Public reviewer", outsider + "@example.org", outsider, PASSWORD);

        Round published = freshOpen();
        Comment bclPublished = comment(peer, published, word("bclpublished"));
        close(published, Map.of(bclPublished, word("disppublished")));
        SignedIn.as(users, "secretariat");
        dispositions.publish(published.id());
        Round closed = freshOpen();
        Comment abcClosed = comment("reviewer1", closed, word("abcclosed"));
        close(closed, Map.of(abcClosed, word("disphidden")));
        open = freshOpen();
        comment("reviewer1", open, word("abcopen"));
        comment(peer, open, word("bclopen"));

        SignedIn.as(users, "secretariat");
        edit("c-minimisation", word("draftword"));
        edit("t-pi", word("termword"));
        SignedIn.as(users, "editor2");
        comments.create(project, null, new CommentForm(null, CommentType.ED, "c-minimisation", 0, 0, "",
                word("wdcomment"), ""));
        SignedIn.nobody();

        usernames.put(Caller.REVIEWER_IN, "reviewer1");
        usernames.put(Caller.REVIEWER_OUT, outsider);
        usernames.put(Caller.EDITOR, "editor2");
        usernames.put(Caller.OTHER_EDITOR, "editor1");
        usernames.put(Caller.SECRETARIAT, "secretariat");
        usernames.put(Caller.ADMIN, "admin");
        for (Caller c : Caller.values()) {
            String password = c == Caller.REVIEWER_OUT ? PASSWORD : "draftroom-demo";
            tokens.put(c, ApiTokens.issue(port, usernames.get(c), password, "search-matrix"));
        }
        indexer.rebuild();
        search.forgetVisibility();
    }

    private void edit(String clauseId, String word) {
        var snapshot = drafts.open(project, null);
        String body = snapshot.document().require(clauseId).body().replaceAll("(frozenword|draftword)q\\d+ ", "");
        String text = Outline.replaceBody(snapshot.document(), clauseId, word + " " + body).text();
        drafts.save(project, snapshot.version().commitId(), text, "Plant " + word);
    }

    private Round freshOpen() {
        SignedIn.as(users, "secretariat");
        try {
            return roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                    Instant.now().plus(Duration.ofDays(30)), "", Audience.INVITED, Set.of(abc, bcl), true));
        } finally {
            SignedIn.nobody();
        }
    }

    private void close(Round round, Map<Comment, String> reasons) {
        SignedIn.as(users, "secretariat");
        try {
            roundLifecycle.closeEarly(round.id(), "Closed for the search matrix");
            reasons.forEach((c, reason) -> dispositions.record(c.id(), Disposition.NOT_ACCEPTED, reason, null));
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

    // ---- the matrix -------------------------------------------------------------------------------------------------

    /**
     * Per planted word: what each caller finds, in the order reviewer in the audience, reviewer outside it, editor of
     * the project's group, editor of another group, secretariat, administrator. "clause", "term", "comment",
     * "disposition", or "" for nothing. Editors read every working draft (the drafts module's rule, as in the UI)
     * but only their groups' comments; reviewers never working drafts; those who read the working drafts find a
     * round's frozen text when they limit the search to the round (second frozenword row).
     */
    private List<Object[]> matrix() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{"draftword", null, "", "", "clause", "clause", "clause", "clause"});
        rows.add(new Object[]{"termword", null, "", "", "term", "term", "term", "term"});
        rows.add(new Object[]{"frozenword", null, "clause×3", "", "", "", "", ""});
        rows.add(new Object[]{"frozenword", open.id(), "clause", "", "clause", "", "clause", "clause"});
        rows.add(new Object[]{"wdcomment", null, "", "", "comment", "", "comment", "comment"});
        rows.add(new Object[]{"abcopen", null, "comment", "", "comment", "", "comment", "comment"});
        rows.add(new Object[]{"bclopen", null, "", "", "comment", "", "comment", "comment"});
        rows.add(new Object[]{"abcclosed", null, "comment", "", "comment", "", "comment", "comment"});
        rows.add(new Object[]{"bclpublished", null, "comment", "", "comment", "", "comment", "comment"});
        rows.add(new Object[]{"disppublished", null, "disposition", "", "disposition", "", "disposition",
                "disposition"});
        rows.add(new Object[]{"disphidden", null, "", "", "disposition", "", "disposition", "disposition"});
        return rows;
    }

    private static String describe(List<String> kinds) {
        if (kinds.isEmpty()) {
            return "";
        }
        Set<String> distinct = new TreeSet<>(kinds);
        String kind = String.join("+", distinct);
        return kinds.size() == 1 ? kind : kind + "×" + kinds.size();
    }

    @TestFactory
    Stream<DynamicTest> every_role_finds_exactly_what_it_may_see_through_the_api() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] row : matrix()) {
            for (Caller c : Caller.values()) {
                String expected = (String) row[2 + c.ordinal()];
                String q = word((String) row[0]);
                Long round = (Long) row[1];
                tests.add(DynamicTest.dynamicTest(c + " · " + row[0] + (round == null ? "" : " in round") + " → "
                        + (expected.isEmpty() ? "nothing" : expected), () -> {
                    JsonNode answer = api(c, "/api/v1/search?q=" + q + (round == null ? "" : "&round=" + round));
                    List<String> kinds = new ArrayList<>();
                    answer.get("results").forEach(r -> kinds.add(r.get("kind").asText()));
                    assertThat(describe(kinds)).isEqualTo(expected);
                    assertThat(answer.get("total").asInt()).isEqualTo(kinds.size());
                    answer.get("results").forEach(r -> assertThat(r.get("snippet").asText())
                            .contains("<mark>" + q + "</mark>"));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_role_finds_exactly_what_it_may_see_through_the_ui_service() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] row : matrix()) {
            for (Caller c : Caller.values()) {
                String expected = (String) row[2 + c.ordinal()];
                Long round = (Long) row[1];
                tests.add(DynamicTest.dynamicTest(c + " · " + row[0] + (round == null ? "" : " in round") + " → "
                        + (expected.isEmpty() ? "nothing" : expected), () -> {
                    SignedIn.as(users, usernames.get(c));
                    try {
                        SearchResult r = search.search(SearchRequest.of(word((String) row[0])).withRound(round));
                        assertThat(describe(r.hits().stream().map(h -> h.item().kind().key()).toList()))
                                .isEqualTo(expected);
                        assertThat(r.message()).isEqualTo(expected.isEmpty() ? "search.no-results" : null);
                    } finally {
                        SignedIn.nobody();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void facets_count_every_match_and_filters_narrow_them() throws Exception {
        JsonNode all = api(Caller.SECRETARIAT, "/api/v1/search?q=" + word("abcopen") + "&project=" + project);
        assertThat(all.get("facets").get("kind").get("COMMENT").asInt()).isEqualTo(1);
        assertThat(all.get("facets").get("org").get("CN-ABC").asInt()).isEqualTo(1);
        JsonNode clauses = api(Caller.SECRETARIAT, "/api/v1/search?q=" + word("abcopen") + "&kind=clause");
        assertThat(clauses.get("total").asInt()).isZero();
        JsonNode typed = api(Caller.SECRETARIAT, "/api/v1/search?q=" + word("abcopen") + "&kind=comment&type=ED");
        assertThat(typed.get("total").asInt()).isZero();
        assertThat(typed.get("message").asText()).contains("No results");
    }

    @Test
    void chinese_words_are_found_inside_longer_words_and_codes_and_numbers_go_to_their_target() throws Exception {
        JsonNode chinese = api(Caller.SECRETARIAT, "/api/v1/search?q=" + enc("个人信息") + "&project=" + project
                + "&kind=term");
        List<String> titles = new ArrayList<>();
        chinese.get("results").forEach(r -> titles.add(r.get("title").asText()));
        assertThat(titles).contains("个人信息控制者 personal information controller");
        assertThat(chinese.get("results").get(0).get("snippet").asText()).contains("<mark>");
        JsonNode traditional = api(Caller.SECRETARIAT, "/api/v1/search?q=" + enc("個人信息控制者") + "&project="
                + project);
        assertThat(traditional.get("total").asInt()).isPositive();
        JsonNode phrase = api(Caller.SECRETARIAT, "/api/v1/search?q=" + enc("\"最小必要\"") + "&project=" + project);
        assertThat(phrase.get("total").asInt()).isPositive();
        JsonNode number = api(Caller.SECRETARIAT, "/api/v1/search?q=5.4&project=" + project);
        assertThat(number.get("goTo").get(0).get("number").asText()).isEqualTo("5.4");
        assertThat(number.get("goTo").get(0).get("link").asText()).startsWith("/projects/" + project + "/find?");
        JsonNode byCode = api(Caller.SECRETARIAT, "/api/v1/search?q=" + enc(code));
        assertThat(byCode.get("goTo")).hasSize(1);
        assertThat(byCode.get("goTo").get(0).get("link").asText()).isEqualTo("/projects/" + project);
        JsonNode english = api(Caller.SECRETARIAT, "/api/v1/search?q=" + enc("Controllers") + "&project="
                + project + "&kind=term");
        assertThat(english.get("total").asInt()).isPositive();
    }

    @Test
    void bad_input_gets_results_or_a_clear_message_never_an_error() throws Exception {
        // Results (no message) or a clear message: which one the injection-like queries get depends on the demo text.
        Set<String> resultsOrNone = new java.util.HashSet<>(java.util.Arrays.asList(null, "search.no-results"));
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        inputs.put("", Set.of("search.empty"));
        inputs.put("*", Set.of("search.no-words"));
        inputs.put("x".repeat(10_000), Set.of("search.shortened"));
        inputs.put("个".repeat(10_000), Set.of("search.shortened"));
        inputs.put(".*[a-z]+(foo|bar){2,}\\d", resultsOrNone);
        inputs.put("AND OR NOT ( \" \\", resultsOrNone);
        inputs.put("consent AND OR NOT ( \" \\", resultsOrNone);
        inputs.put("title:个人 OR *:* ~2 ^10", resultsOrNone);
        inputs.put("个人信息 personal ＧＢ", resultsOrNone);
        inputs.put("\uFFFF\uD83D\uDE00", resultsOrNone);
        inputs.put("-- ; DROP TABLE comment; /* */", resultsOrNone);
        for (Map.Entry<String, Set<String>> input : inputs.entrySet()) {
            HttpResponse<String> r = get(Caller.SECRETARIAT, "/api/v1/search?q=" + enc(input.getKey()));
            assertThat(r.statusCode()).as(input.getKey()).isEqualTo(200);
            JsonNode answer = JSON.readTree(r.body());
            String key = answer.get("messageKey").isNull() ? null : answer.get("messageKey").asText();
            assertThat(key).as(input.getKey()).isIn(input.getValue());
            if (key != null) {
                assertThat(answer.get("message").asText()).as(input.getKey()).isNotBlank();
            }
        }
        assertThat(get(Caller.SECRETARIAT, "/api/v1/search?q=x&kind=nonsense").statusCode()).isEqualTo(400);
        assertThat(get(Caller.SECRETARIAT, "/api/v1/search?q=x&round=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void a_commit_is_searchable_without_a_rebuild() throws Exception {
        String fresh = word("freshword");
        SignedIn.as(users, "editor2");
        try {
            edit("c-consent", fresh);
        } finally {
            SignedIn.nobody();
        }
        int total = Awaitility.await("the new word to be found").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api(Caller.EDITOR, "/api/v1/search?q=" + fresh).get("total").asInt(), t -> t > 0);
        assertThat(total).isEqualTo(1);
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------------

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(Caller c, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + tokens.get(c)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode api(Caller c, String path) throws Exception {
        HttpResponse<String> r = get(c, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
