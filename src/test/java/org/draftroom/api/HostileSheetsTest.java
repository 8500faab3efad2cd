package org.draftroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.draftroom.sheets.SheetProblem;
import org.draftroom.sheets.SheetReadResult;
import org.draftroom.sheets.SheetReader;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The hostile corpus against the sheet reader itself (the same files go through HTTP in {@code HostileUploadsIT}):
 * every file is refused as a whole with its message.
 */
class HostileSheetsTest {

    @Test
    void every_hostile_file_is_refused_as_a_whole_with_its_own_message() throws IOException {
        List<HostileFiles.Hostile> corpus = new ArrayList<>(HostileFiles.stored());
        corpus.addAll(HostileFiles.large());
        for (HostileFiles.Hostile h : corpus) {
            SheetReadResult result = SheetReader.read(h.name(), h.bytes());
            assertThat(result.rows()).as(h.name()).isEmpty();
            assertThat(result.problems()).as(h.name()).hasSize(1);
            SheetProblem p = result.problems().get(0);
            assertThat(english(p)).as(h.name()).contains(h.expected());
        }
    }

    private static String english(SheetProblem p) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source.getMessage(p.key(), p.args().toArray(), Locale.ENGLISH);
    }

}
