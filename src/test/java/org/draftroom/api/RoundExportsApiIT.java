package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.draftroom.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The round exports over real HTTP, on the demo rounds (one published, one open). */
@WebIntegrationTest
@TestPropertySource(properties = "draftroom.demo.rounds=true")
class RoundExportsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;

    private String token(String username) throws Exception {
        return ApiTokens.issue(port, username, "draftroom-demo", "exports");
    }

    private HttpResponse<byte[]> call(String token, String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
    }

    private long round(String token, String state) throws Exception {
        for (JsonNode r : json(call(token, "/api/v1/rounds", "en"))) {
            if (r.get("state").asText().equals(state) && r.get("projectId").asText().equals("gbt-35273")) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("no " + state + " demo round");
    }

    @Test
    void the_secretariat_downloads_the_table_and_the_package_and_gets_clear_refusals() throws Exception {
        String secretariat = token("secretariat");
        long published = round(secretariat, "PUBLISHED");
        long open = round(secretariat, "OPEN");

        HttpResponse<byte[]> xlsx = call(secretariat, "/api/v1/rounds/" + published
                + "/dispositions/export?format=xlsx", "en");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", "GB_T_35273_dispositions-round-1_", ".xlsx");
        List<String> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            DataFormatter f = new DataFormatter();
            for (Row row : wb.getSheetAt(0)) {
                StringBuilder line = new StringBuilder();
                row.forEach(c -> line.append(f.formatCellValue(c)).append('|'));
                rows.add(line.toString());
            }
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("Comment ID|Organisation|");
        assertThat(String.join("\n", rows)).contains("CN-ABC-", "CN-XYZ-", "Partly accepted",
                "A test was added to 5.2 in other words.", "|General|");

        for (String format : List.of("iso-docx", "cn-docx")) {
            HttpResponse<byte[]> docx = call(secretariat, "/api/v1/rounds/" + published
                    + "/dispositions/export?format=" + format, "zh-CN");
            assertThat(docx.statusCode()).as(format).isEqualTo(200);
            assertThat(new String(docx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        }

        HttpResponse<byte[]> unknown = call(secretariat, "/api/v1/rounds/" + published
                + "/dispositions/export?format=pdf", "zh-CN");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("message").asText()).contains("未知格式", "xlsx, iso-docx, cn-docx");

        HttpResponse<byte[]> stillOpen = call(secretariat, "/api/v1/rounds/" + open + "/dispositions/export", "en");
        assertThat(stillOpen.statusCode()).isEqualTo(400);
        assertThat(json(stillOpen).get("message").asText()).contains("no disposition yet", "CN-ABC-", "CN-XYZ-");
        HttpResponse<byte[]> stillOpenZh = call(secretariat, "/api/v1/rounds/" + open + "/package", "zh-CN");
        assertThat(json(stillOpenZh).get("message").asText()).contains("尚无处理意见");

        HttpResponse<byte[]> missing = call(secretariat, "/api/v1/rounds/987654/dispositions/export", "en");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("message").asText()).contains("There is no consultation round");

        HttpResponse<byte[]> zip = call(secretariat, "/api/v1/rounds/" + published + "/package", "zh-CN");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertThat(in.readAllBytes()).as(e.getName()).isNotEmpty();
            }
        }
        assertThat(names).hasSize(6).allMatch(n -> n.startsWith("GB_T_35273_"));
    }

    @Test
    void a_reviewer_gets_the_published_table_but_not_the_package() throws Exception {
        String reviewer = token("reviewer1");
        long published = round(reviewer, "PUBLISHED");
        long open = round(reviewer, "OPEN");
        HttpResponse<byte[]> table = call(reviewer, "/api/v1/rounds/" + published + "/dispositions/export?format=cn-docx",
                "en");
        assertThat(table.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> pack = call(reviewer, "/api/v1/rounds/" + published + "/package", "en");
        assertThat(pack.statusCode()).isEqualTo(403);
        assertThat(json(pack).get("error").asText()).isEqualTo("forbidden");
        HttpResponse<byte[]> early = call(reviewer, "/api/v1/rounds/" + open + "/dispositions/export", "en");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).get("message").asText()).contains("not published");

        String outsider = token("editor1");
        HttpResponse<byte[]> guessed = call(outsider, "/api/v1/rounds/" + published + "/dispositions/export", "en");
        assertThat(guessed.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(guessed.body().length).isLessThan(2000);
    }
}
