package org.draftroom.rounds.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Clause references as reviewers write them in comment sheets (issue #15). */
class ClauseReferenceTest {

    @ParameterizedTest(name = "\"{0}\" names {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "Annex B|CLAUSE|B", "附录B|CLAUSE|B", "附录 B|CLAUSE|B", "附录A.1|CLAUSE|A.1", "B.2|CLAUSE|B.2",
            "第5章|CLAUSE|5", "5.1条|CLAUSE|5.1", "5.1 a)|CLAUSE|5.1", "5.1a|CLAUSE|5.1", "5.1.|CLAUSE|5.1",
            "Clause 5.1|CLAUSE|5.1", "５．１|CLAUSE|5.1", "8.1 个人信息|CLAUSE|8.1", "A|CLAUSE|A",
            "表1|TABLE|1", "Table A.1|TABLE|A.1", "图2|FIGURE|2", "Figure 3|FIGURE|3",
            "General|GENERAL|''", "总则|GENERAL|''", "一般|GENERAL|''", "全文|GENERAL|''", "''|GENERAL|''"})
    void references_as_people_write_them_resolve(String written, ClauseReference.Kind kind, String number) {
        assertThat(ClauseReference.parse(written)).contains(new ClauseReference(kind, number));
    }

    @ParameterizedTest
    @CsvSource({"见上文", "???"})
    void text_that_names_no_clause_is_not_read_as_one(String written) {
        assertThat(ClauseReference.parse(written)).isEmpty();
    }
}
