package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.draftroom.WebIntegrationTest;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * {@code POST /api/v1/projects/{id}/versions}: a new version uploaded as plain Markdown (typed numbers, no ids) keeps
 * the ids of its clauses, so comments stay on the clauses they were written on; a dry run writes nothing; only the
 * project's editors may upload.
 */
@WebIntegrationTest
class VersionUploadApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired UserDetailsService users;

    record Answer(int status, JsonNode body) {
    }

    private Answer send(String token, String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private Answer json(String token, String method, String path, Object body) throws Exception {
        return send(token, method, path, "application/json",
                body == null ? null : JSON.writeValueAsBytes(body));
    }

    /** The draft as another body would write it: typed numbers, no ids, no classes. */
    static String plain(DraftDocument document) {
        StringBuilder sb = new StringBuilder(document.preamble());
        for (NumberedClause c : NumberedOutline.of(document).clauses()) {
            String label = c.label(Language.ZH);
            sb.append("#".repeat(c.clause().level())).append(' ')
                    .append(label.isEmpty() ? "" : label + " ").append(c.clause().title()).append('\n')
                    .append(c.clause().body());
        }
        return sb.toString();
    }

    @Test
    void a_plain_markdown_version_keeps_clause_ids_and_comments_stay_on_their_clauses() throws Exception {
        SignedIn.as(users, "secretariat");
        Project project = projects.create(new ProjectForm("GB/T 97" + System.nanoTime() % 100_000, "上传测试",
                "Upload test", DocumentType.GB_T, "WG7", Stage.DRAFTING, "20.20", "CN-BCL"),
                drafts.open("gbt-35273", null).document());
        DraftDocument before = drafts.open(project.id(), null).document();
        SignedIn.nobody();
        String editor = ApiTokens.issue(port, "editor2", "draftroom-demo", "upload");
        String base = "/api/v1/projects/" + project.id();

        String quote = before.require("c-right-deletion").body().strip().substring(0, 12);
        int start = before.require("c-right-deletion").body().indexOf(quote);
        Answer comment = json(editor, "POST", base + "/comments", Map.of("type", "te",
                "clauseId", "c-right-deletion", "start", start, "end", start + quote.length(), "quote", quote,
                "body", "删除的时限是多少？"));
        assertThat(comment.status()).isEqualTo(201);
        assertThat(comment.body().get("placement").get("clauseNumber").asText()).isEqualTo("8.3");

        // Delete 8.2 (correction), retitle 8.4 (withdrawal) and upload the whole text as plain Markdown.
        List<String> lines = new ArrayList<>(List.of(plain(before).split("\n", -1)));
        int access = lines.indexOf("## 8.2 个人信息更正");
        int next = lines.indexOf("## 8.3 个人信息删除");
        lines.subList(access, next).clear();
        lines.set(lines.indexOf("## 8.4 个人信息主体撤回授权同意"), "## 8.3 撤回授权同意");
        byte[] upload = String.join("\n", lines).replace("## 8.3 个人信息删除", "## 8.2 个人信息删除")
                .getBytes(StandardCharsets.UTF_8);

        Answer dryRun = send(editor, "POST", base + "/versions?dryRun=true", "text/markdown; charset=utf-8", upload);
        assertThat(dryRun.status()).as(dryRun.body().toString()).isEqualTo(200);
        assertThat(dryRun.body().get("versionId").isNull()).isTrue();
        assertThat(dryRun.body().get("counts").get("deleted").asInt()).isEqualTo(1);
        assertThat(dryRun.body().get("counts").get("new").asInt()).isZero();
        assertThat(json(editor, "GET", base + "/versions", null).body().size()).isEqualTo(1);

        Answer created = send(editor, "POST", base + "/versions?message=Upload%20from%20the%20WG",
                "text/markdown", upload);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String versionId = created.body().get("versionId").asText();
        assertThat(json(editor, "GET", base + "/versions", null).body().get(0).get("commitId").asText())
                .isEqualTo(versionId);
        JsonNode deleted = null;
        JsonNode correction = null;
        for (JsonNode c : created.body().get("clauses")) {
            if (c.get("status").asText().equals("deleted")) {
                deleted = c;
            }
            if (c.get("id").asText().equals("c-right-deletion")) {
                correction = c;
            }
        }
        assertThat(deleted.get("id").asText()).isEqualTo("c-right-correction");
        assertThat(deleted.get("oldNumber").asText()).isEqualTo("8.2");
        assertThat(correction.get("oldNumber").asText()).isEqualTo("8.3");
        assertThat(correction.get("newNumber").asText()).isEqualTo("8.2");
        assertThat(created.body().get("counts").get("moved").asInt()).isZero();
        // 8.5 ... were not renumbered in the file: the answer says so, clause by clause
        assertThat(created.body().get("numberMismatches").get(0).get("typedNumber").asText()).isEqualTo("8.5");
        assertThat(created.body().get("numberMismatches").get(0).get("computedNumber").asText()).isEqualTo("8.4");

        SignedIn.as(users, "secretariat");
        DraftDocument after = drafts.open(project.id(), null).document();
        SignedIn.nobody();
        assertThat(after.require("c-right-withdrawal").title()).isEqualTo("撤回授权同意");
        assertThat(after.require("c-right-deletion").body()).isEqualTo(before.require("c-right-deletion").body());
        assertThat(after.clauses()).extracting(c -> c.id()).containsExactlyElementsOf(before.clauses().stream()
                .map(c -> c.id()).filter(id -> !id.equals("c-right-correction")).toList());

        JsonNode placement = json(editor, "GET", base + "/comments", null).body().get(0).get("placement");
        assertThat(placement.get("clauseId").asText()).isEqualTo("c-right-deletion");
        assertThat(placement.get("clauseNumber").asText()).isEqualTo("8.2");
    }

    @Test
    void only_editors_of_the_project_upload_and_unknown_formats_and_faulty_files_are_refused() throws Exception {
        String upload = "# 范围\n\n本文件规定了……\n";
        String path = "/api/v1/projects/gbt-35273/versions?message=x";
        byte[] bytes = upload.getBytes(StandardCharsets.UTF_8);

        Answer otherGroup = send(ApiTokens.issue(port, "editor1", "draftroom-demo", "u"), "POST", path,
                "text/markdown", bytes);
        Answer reviewer = send(ApiTokens.issue(port, "reviewer1", "draftroom-demo", "u"), "POST",
                path.replace("message=x", "dryRun=true"), "text/markdown", bytes);
        assertThat(otherGroup.status()).isEqualTo(403);
        assertThat(reviewer.status()).isEqualTo(403);

        String editor = ApiTokens.issue(port, "editor2", "draftroom-demo", "u");
        Answer pdf = send(editor, "POST", path, "application/pdf", new byte[] {37, 80, 68, 70});
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(pdf.body().get("message").asText()).contains("cannot be uploaded");
        Answer damaged = send(editor, "POST", path, VersionUploadController.DOCX, new byte[] {80, 75, 3, 4});
        assertThat(damaged.status()).isEqualTo(400);
        assertThat(damaged.body().get("problems")).isNotEmpty();

        Answer faulty = send(editor, "POST", path, "text/markdown",
                "# 范围 {#scope}\n\n见[](#missing)。\n".getBytes(StandardCharsets.UTF_8));
        assertThat(faulty.status()).isEqualTo(400);
        assertThat(faulty.body().get("problems").get(0).get("line").asInt()).isEqualTo(3);

        Answer noMessage = send(editor, "POST", "/api/v1/projects/gbt-35273/versions", "text/markdown", bytes);
        assertThat(noMessage.status()).isEqualTo(400);
        assertThat(json(editor, "GET", "/api/v1/projects/gbt-35273/versions?limit=1", null).body().get(0)
                .get("message").asText()).isNotEqualTo("x");
    }

    @Test
    void a_word_file_comes_in_through_the_api_with_its_matching_report_and_a_choice_for_tracked_changes()
            throws Exception {
        SignedIn.as(users, "secretariat");
        Project project = projects.create(new ProjectForm("GB/T 96" + System.nanoTime() % 100_000, "Word 上传测试",
                "Word upload test", DocumentType.GB_T, "WG7", Stage.DRAFTING, "20.20", "CN-BCL"),
                drafts.open("gbt-35273", null).document());
        int clauses = drafts.open(project.id(), null).document().clauses().size();
        SignedIn.nobody();
        String editor = ApiTokens.issue(port, "editor2", "draftroom-demo", "word");
        String base = "/api/v1/projects/" + project.id();
        HttpResponse<byte[]> export = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base
                + "/export?format=docx")).header("Authorization", "Bearer " + editor).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);

        // Our own Word export comes back with every clause kept.
        Answer dryRun = send(editor, "POST", base + "/versions?dryRun=true", VersionUploadController.DOCX,
                export.body());
        assertThat(dryRun.status()).as(dryRun.body().toString()).isEqualTo(200);
        assertThat(dryRun.body().get("versionId").isNull()).isTrue();
        assertThat(dryRun.body().get("counts").get("kept").asInt()).isEqualTo(clauses);
        assertThat(dryRun.body().get("counts").get("new").asInt()).isZero();
        assertThat(dryRun.body().get("counts").get("deleted").asInt()).isZero();
        assertThat(dryRun.body().get("unmapped").isArray()).isTrue();
        Answer saved = send(editor, "POST", base + "/versions?message=" + java.net.URLEncoder.encode("从 Word 导入",
                StandardCharsets.UTF_8), VersionUploadController.DOCX, export.body());
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
        assertThat(saved.body().get("versionId").asText()).hasSize(40);

        // A file with tracked changes needs the choice of text, as in the UI.
        byte[] tracked = org.draftroom.drafts.imports.WordFixtures.docx(doc -> {
            org.draftroom.drafts.imports.WordFixtures.style(doc, "H1", "heading 1", null, 0, null, 0);
            org.draftroom.drafts.imports.WordFixtures.para(doc, "H1", "范围");
            var p = org.draftroom.drafts.imports.WordFixtures.para(doc, null, "本文件规定了");
            var del = p.getCTP().addNewDel();
            del.setId(java.math.BigInteger.ONE);
            del.setAuthor("Li");
            del.addNewR().addNewDelText().setStringValue("旧的");
            var ins = p.getCTP().addNewIns();
            ins.setId(java.math.BigInteger.TWO);
            ins.setAuthor("Li");
            ins.addNewR().addNewT().setStringValue("新的");
            p.createRun().setText("要求。");
        });
        Answer unchosen = send(editor, "POST", base + "/versions?dryRun=true", VersionUploadController.DOCX, tracked);
        assertThat(unchosen.status()).isEqualTo(400);
        assertThat(unchosen.body().get("message").asText()).contains("trackedChanges=accepted");
        Answer original = send(editor, "POST", base + "/versions?dryRun=true&trackedChanges=original",
                VersionUploadController.DOCX, tracked);
        assertThat(original.status()).as(original.body().toString()).isEqualTo(200);
        assertThat(original.body().get("counts").get("deleted").asInt()).isPositive();
        SignedIn.as(users, "editor2");
        try {
            assertThat(drafts.history(project.id(), 0, 1).stream().map(v -> v.commitId()).toList())
                    .as("dry runs wrote nothing").containsExactly(saved.body().get("versionId").asText());
        } finally {
            SignedIn.nobody();
        }
    }
}
