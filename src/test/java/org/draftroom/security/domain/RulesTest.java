package org.draftroom.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesTest {

    @Test
    void a_name_with_a_line_break_or_another_control_character_is_refused() {
        for (String name : new String[] {"Mallory\r\nBcc: all@example.org", "Mallory\nX", "Mallory\u0007",
                "Mallory\u0085", "Mallory\u2028", "Tab\there"}) {
            assertThat(Rules.displayName(name)).as(name).hasValueSatisfying(
                    p -> assertThat(p.key()).isEqualTo("validation.control-characters"));
            assertThat(Rules.name(name)).as(name).isPresent();
        }
    }

    @Test
    void ordinary_names_in_any_script_pass() {
        for (String name : new String[] {"陈静 Chen Jing", "O'Brien-Smith", "Zoë Ångström", "安博信息技术有限公司"}) {
            assertThat(Rules.displayName(name)).as(name).isEmpty();
            assertThat(Rules.name(name)).as(name).isEmpty();
        }
    }
}
