package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.draftroom.WebIntegrationTest;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.rounds.service.SheetService;
import org.draftroom.security.SignedIn;
import org.draftroom.sheets.IsoTemplateWriter;
import org.draftroom.sheets.IsoXlsxWriter;
import org.draftroom.sheets.SheetHeader;
import org.draftroom.sheets.SheetReader;
import org.draftroom.sheets.SheetRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The comment sheet's round trip as a reviewer does it: download the organisation's sheet (the ISO template, each
 * comment's id in MB/NC), edit some rows and add some in Word or Excel, upload it again over HTTP (multipart, the
 * API the upload dialog's service also serves). Rows are matched by comment id, never by position.
 */
@WebIntegrationTest
class SheetRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired SheetService sheets;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundRepository repository;
    @Autowired UserDetailsService users;
    private Round round;
    private String token;

    @BeforeEach
    void openRound() throws Exception {
        SignedIn.as(users, "secretariat");
        String project = TestProjects.consultationCopy(projects, drafts, "GB/T T" + (System.nanoTime() % 100_000),
                "往返测试", "Round trip");
        round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                Instant.now().plus(Duration.ofDays(20)), "", Audience.INVITED,
                Set.of(repository.organisationByCode("CN-ABC").orElseThrow().id(),
                        repository.organisationByCode("CN-XYZ").orElseThrow().id()), true));
        SignedIn.as(users, "reviewer1");
        for (String[] c : new String[][] {{"c-rights", "te", "Rights need a deadline."},
                {"c-right-access", "te", "Access within 15 days."}, {"", "ge", "Align the terms with the PIPL."},
                {"c-collection", "ed", "Typo in the heading."}, {"c-right-correction", "te", "Correction too."}}) {
            comments.create(round.projectId(), round.commitId(), new CommentForm(round.id(),
                    CommentType.ofCode(c[1]), c[0], 0, 0, "", c[2], ""));
        }
        token = ApiTokens.issue(port, "reviewer1", "draftroom-demo", "sheets");
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private Map<Long, Comment> ours() {
        SignedIn.as(users, "reviewer1");
        return commentReader.findAll(round.projectId(), round.commitId(), CommentFilter.all().withRoundId(round.id())
                        .withTypes(Set.of(CommentType.values())), 1000).stream().map(PlacedComment::comment)
                .collect(Collectors.toMap(Comment::id, Function.identity()));
    }

    /** The organisation's sheet, downloaded as the round page's link does, read back as its rows. */
    private List<SheetRow> download() {
        SignedIn.as(users, "reviewer1");
        var read = SheetReader.read("ours.docx", sheets.organisationSheet(round.id()));
        assertThat(read.problems()).isEmpty();
        return new ArrayList<>(read.rows());
    }

    private static byte[] docx(List<SheetRow> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoTemplateWriter.write(new SheetHeader("2026-12-07", "Round trip", "GB/T"), rows, out);
        return out.toByteArray();
    }

    private static byte[] xlsx(List<SheetRow> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoXlsxWriter.write(new SheetHeader("2026-12-08", "Round trip, saved again", "GB/T"), rows, out);
        return out.toByteArray();
    }

    private HttpResponse<String> upload(String as, String name, byte[] bytes, boolean dryRun) throws Exception {
        return upload(as, name, bytes, "dryRun=" + dryRun);
    }

    private HttpResponse<String> upload(String as, String name, byte[] bytes, String query) throws Exception {
        String boundary = "----roundtrip" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rounds/"
                        + round.id() + "/sheets?" + query)).header("Authorization", "Bearer " + as)
                .header("Accept-Language", "en").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Long> changes(JsonNode answer) {
        List<String> all = new ArrayList<>();
        answer.get("rows").forEach(r -> all.add(r.get("change").asText()));
        return all.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static SheetRow edited(SheetRow r, String comment) {
        return new SheetRow(r.rowNumber(), r.memberBody(), r.clause(), r.paragraph(), r.type(), comment,
                r.proposedChange(), r.observations(), r.lineNumber());
    }

    @Test
    void three_edited_rows_update_their_comments_two_added_rows_are_new_and_a_resaved_copy_changes_nothing()
            throws Exception {
        List<SheetRow> rows = download();
        assertThat(rows).hasSize(5);
        assertThat(rows).extracting(SheetRow::memberBody).allMatch(id -> id.matches("CN-ABC-\\d{3,}"));
        // Edited in Word: rows reordered (matched by id, not position), three texts changed, a blank row left in,
        // two rows added at the end with the organisation's code in MB/NC.
        List<SheetRow> edited = new ArrayList<>();
        edited.add(edited(rows.get(4), rows.get(4).comment() + " Within 30 days."));
        edited.add(rows.get(1));
        edited.add(edited(rows.get(0), "Rewritten: " + rows.get(0).comment()));
        edited.add(new SheetRow(4, "", "", "", "", "", "", ""));
        edited.add(rows.get(3));
        edited.add(edited(rows.get(2), rows.get(2).comment() + " (typo fixed)"));
        edited.add(new SheetRow(7, "CN-ABC", "8", "", "te", "A new point on clause 8.", "Add 8.9", ""));
        edited.add(new SheetRow(8, "CN-ABC", "General", "", "ge", "Another general point.", "", ""));
        byte[] sheet = docx(edited);

        JsonNode preview = JSON.readTree(upload(token, "ours-edited.docx", sheet, true).body());
        assertThat(changes(preview)).as(preview.toString())
                .isEqualTo(Map.of("CHANGED", 3L, "NEW", 2L, "UNCHANGED", 2L));
        assertThat(preview.get("importable").asBoolean()).isTrue();

        Map<Long, Comment> before = ours();
        HttpResponse<String> imported = upload(token, "ours-edited.docx", sheet, false);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(JSON.readTree(imported.body()).get("imported").asInt()).isEqualTo(5);
        Map<Long, Comment> after = ours();
        assertThat(after).hasSize(7);
        assertThat(after.values()).extracting(Comment::body).contains("Rewritten: " + rows.get(0).comment(),
                rows.get(4).comment() + " Within 30 days.", rows.get(2).comment() + " (typo fixed)",
                "A new point on clause 8.", "Another general point.", rows.get(1).comment(), rows.get(3).comment());
        assertThat(before.keySet()).allMatch(after::containsKey);

        // The sheet downloaded again and saved as Excel: the same rows in other bytes change nothing.
        byte[] resaved = xlsx(download());
        JsonNode again = JSON.readTree(upload(token, "ours-resaved.xlsx", resaved, false).body());
        assertThat(changes(again)).as(again.toString()).isEqualTo(Map.of("UNCHANGED", 7L));
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(ours()).isEqualTo(after);

        // A first sheet without ids imported, then a re-saved copy of it (other bytes): recognised by its rows.
        List<SheetRow> plain = List.of(new SheetRow(1, "CN-ABC", "5", "", "ed", "Plain sheet row.", "", ""));
        assertThat(upload(token, "plain.docx", docx(plain), false).statusCode()).isEqualTo(201);
        JsonNode copy = JSON.readTree(upload(token, "plain-copy.xlsx", xlsx(plain), false).body());
        assertThat(changes(copy)).isEqualTo(Map.of("UNCHANGED", 1L));
        assertThat(ours()).hasSize(8);
    }

    @Test
    void a_partial_sheet_updates_only_its_rows() throws Exception {
        List<SheetRow> rows = download();
        Map<Long, Comment> before = ours();
        byte[] one = docx(List.of(edited(rows.get(2), "Only this one changes.")));
        JsonNode answer = JSON.readTree(upload(token, "one-row.docx", one, false).body());
        assertThat(changes(answer)).isEqualTo(Map.of("CHANGED", 1L));
        Map<Long, Comment> after = ours();
        assertThat(after).hasSize(5);
        long changed = after.values().stream().filter(c -> !c.body().equals(before.get(c.id()).body())).count();
        assertThat(changed).isEqualTo(1);
        assertThat(after.values()).extracting(Comment::body).contains("Only this one changes.");
    }

    @Test
    void another_organisations_comment_id_is_refused_and_tells_nothing_about_that_comment() throws Exception {
        SignedIn.as(users, "reviewer2");
        Comment theirs = comments.create(round.projectId(), round.commitId(), new CommentForm(round.id(),
                CommentType.TE, "c-rights", 0, 0, "", "XYZ's confidential point.", ""));
        List<SheetRow> rows = download();
        byte[] sheet = docx(List.of(rows.get(0), new SheetRow(2, theirs.readableId(), "8", "", "te",
                "Overwriting XYZ's comment", "", ""), new SheetRow(3, "CN-ABC-999", "8", "", "te", "Guessed id", "", "")));

        JsonNode preview = JSON.readTree(upload(token, "hostile.docx", sheet, true).body());
        assertThat(preview.get("importable").asBoolean()).isFalse();
        assertThat(preview.get("rows").get(1).get("problems").toString())
                .contains("is not one of your organisation's comments");
        assertThat(preview.get("rows").get(1).get("problems").toString())
                .isEqualTo(preview.get("rows").get(2).get("problems").toString()
                        .replace("CN-ABC-999", theirs.readableId()));
        assertThat(preview.toString()).doesNotContain("confidential").doesNotContain(String.valueOf(theirs.id()));

        HttpResponse<String> refused = upload(token, "hostile.docx", sheet, false);
        assertThat(refused.statusCode()).isEqualTo(400);
        SignedIn.as(users, "reviewer2");
        assertThat(commentReader.get(theirs.id()).body()).isEqualTo("XYZ's confidential point.");
        assertThat(ours()).hasSize(5);

        HttpResponse<String> garbage = upload(token, "broken.xlsx", "PK\u0003\u0004 not a workbook".getBytes(
                StandardCharsets.UTF_8), true);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(garbage.body()).get("error").asText()).isEqualTo("invalid_sheet");
    }

    @Test
    void with_valid_rows_only_the_valid_rows_of_a_sheet_with_problems_are_imported() throws Exception {
        byte[] sheet = docx(List.of(
                new SheetRow(1, "CN-ABC", "8", "", "te", "A valid point.", "", ""),
                new SheetRow(2, "", "", "", "", "", "", ""),
                new SheetRow(3, "CN-ABC", "99.9", "", "ed", "No such clause.", "", ""),
                new SheetRow(4, "CN-ABC", "General", "", "ge", "Another valid point.", "", "")));
        JsonNode preview = JSON.readTree(upload(token, "mixed.docx", sheet, true).body());
        assertThat(preview.get("validRows").asInt()).isEqualTo(2);
        assertThat(preview.get("rowsWithProblems").asInt()).isEqualTo(1);
        assertThat(preview.get("importable").asBoolean()).isFalse();
        assertThat(preview.get("rows").get(1).get("rowNumber").asInt())
                .as("the Word table's row, the blank row counted").isEqualTo(3);

        HttpResponse<String> refused = upload(token, "mixed.docx", sheet, false);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ours()).hasSize(5);

        HttpResponse<String> imported = upload(token, "mixed.docx", sheet, "dryRun=false&validRowsOnly=true");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(JSON.readTree(imported.body()).get("imported").asInt()).isEqualTo(2);
        assertThat(ours().values()).extracting(Comment::body).contains("A valid point.", "Another valid point.")
                .doesNotContain("No such clause.");
        assertThat(ours()).hasSize(7);
    }
}
