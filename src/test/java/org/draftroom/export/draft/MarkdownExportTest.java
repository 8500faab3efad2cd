package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownExportTest {

    @Test
    void the_markdown_export_is_the_draft_file_byte_for_byte() {
        DraftExport export = Samples.forComments();

        assertThat(DraftExports.markdown(export)).isEqualTo(export.document().toBytes());
    }
}
