package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.imports.WordImport;
import org.draftroom.drafts.imports.WordImportResult;
import org.junit.jupiter.api.Test;

/** Our own Word export, imported back unchanged, gives the same clause tree, ids and text. */
class WordRoundTripTest {

    static WordImport imported(byte[] docx) {
        WordImportResult result = DocxImporter.read(docx, DocxImporter.TrackedChanges.ACCEPTED);
        assertThat(result).as("%s", result).isInstanceOf(WordImportResult.Accepted.class);
        return ((WordImportResult.Accepted) result).result();
    }

    static List<String> tree(DraftDocument d) {
        return d.clauses().stream().map(c -> c.level() + " " + c.id() + " " + c.classes() + " " + c.title()).toList();
    }

    @Test
    void the_exported_sample_standard_comes_back_with_the_same_clause_tree_ids_and_text() {
        // The Chinese export of a Chinese draft: an English export writes its labels in English (NOTE for 注), which
        // come back as the English labels.
        for (Language language : List.of(Language.ZH)) {
            DraftExport export = new DraftExport(Samples.project(), "3f2a9c1 cd-1", Samples.gbt35273(),
                    java.util.Optional.of(CoverStage.draftForComments(language, Samples.COMPLETED)), language,
                    Samples.EXPORTED);
            DraftDocument original = export.document();
            WordImport back = imported(DraftExports.docx(export));
            assertThat(tree(back.document())).isEqualTo(tree(original));
            for (int i = 0; i < original.clauses().size(); i++) {
                Clause o = original.clauses().get(i);
                Clause b = back.document().clauses().get(i);
                assertThat(normal(b.body())).as(o.id()).isEqualTo(normal(o.body()));
            }
        }
    }

    static String normal(String body) {
        return body.replaceAll("\\s+", " ").strip();
    }
}
