package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.DraftText;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Redline;
import org.draftroom.drafts.domain.RedlineHtml;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden corpus: what a reader sees of the body of each sample document in every output, as normalised text
 * ({@link Normalised}) checked in under {@code src/test/resources/golden/<document>/<output>.txt}, so that any change in
 * what a reader sees shows in review. The documents are the GB/T 35273 sample in its 2017 and 2020 versions and
 * {@code all-elements.md}, which uses every element of the draft format. Goldens hold the body from the first clause
 * on; the cover and the table of contents are left out (they are checked by the export tests).
 *
 * <p>To regenerate after an intended change: {@code ./mvnw -B -o test -Dtest=RenderingGoldenTest -Dgolden.update=true}
 * and review the diff of {@code src/test/resources/golden}.
 */
class RenderingGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Arguments> outputs() {
        List<Arguments> args = new ArrayList<>();
        for (String document : List.of("gbt35273-2017", "gbt35273-2020", "all-elements")) {
            for (String output : List.of("model", "screen-html", "export-html", "docx", "sts", "pdf")) {
                args.add(Arguments.of(document, output));
            }
        }
        args.add(Arguments.of("gbt35273-2017-to-2020", "redline-html"));
        args.add(Arguments.of("gbt35273-2017-to-2020", "redline-docx"));
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputs")
    void every_output_reads_as_its_golden_text(String document, String output) throws IOException {
        String actual = render(document, output);
        Path golden = GOLDEN.resolve(document).resolve(output + ".txt");
        if (UPDATE || !Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden %s (regenerate with -Dgolden.update=true)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void the_markdown_export_keeps_the_source(String document) {
        DraftDocument draft = document(document);
        assertThat(DraftExports.markdown(export(draft))).isEqualTo(DraftFormat.serialize(draft));
    }

    static Stream<String> documents() {
        return Stream.of("gbt35273-2017", "gbt35273-2020", "all-elements");
    }

    static DraftDocument document(String name) {
        Path path = switch (name) {
            case "gbt35273-2017" -> Path.of("drafts-repo/seed/gbt-35273/v2017.md");
            case "gbt35273-2020" -> Path.of("drafts-repo/seed/gbt-35273/v2020.md");
            default -> GOLDEN.resolve(name + ".md");
        };
        try {
            return DraftFormat.parse(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DraftExport export(DraftDocument draft) {
        return new DraftExport(Samples.project(), "3f2a9c1 cd-1", draft,
                Optional.of(CoverStage.draftForComments(Language.ZH, Samples.COMPLETED)), Language.ZH,
                Samples.EXPORTED);
    }

    static String render(String name, String output) {
        if (name.endsWith("-to-2020")) {
            Redline redline = Redline.compare(document("gbt35273-2017"), document("gbt35273-2020"));
            RedlineExport export = new RedlineExport(Samples.project(), RedlineExport.Version.of("a1b2c3d wd-1"),
                    RedlineExport.Version.of("3f2a9c1 cd-1"), redline, Language.ZH, Samples.EXPORTED);
            return output.equals("redline-html")
                    ? Normalised.html(Jsoup.parse(new String(DraftExports.redlineHtml(export),
                            StandardCharsets.UTF_8)).selectFirst(".dr-redline"))
                    : Normalised.docxBody(DraftExports.redlineDocx(export));
        }
        DraftDocument draft = document(name);
        DraftExport export = export(draft);
        String firstTitle = NumberedOutline.of(draft).clauses().get(0).clause().title();
        return switch (output) {
            case "model" -> DraftText.render(draft, Language.ZH);
            case "screen-html" -> Normalised.html(Jsoup.parseBodyFragment(DraftHtml.render(draft, Language.ZH)).body());
            case "export-html" -> Normalised.htmlBody(DraftExports.html(export));
            case "docx" -> Normalised.docxBody(DraftExports.docx(export));
            case "sts" -> Normalised.sts(DraftExports.sts(export));
            case "pdf" -> Normalised.fromBodyStart(Normalised.pdf(DraftExports.pdf(export)), firstTitle);
            default -> throw new IllegalArgumentException(output);
        };
    }
}
