package org.draftroom.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Times and the committee's time zone are written for people, the same way in every screen. */
class TimesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void the_committees_zone_is_named_as_people_say_it_not_by_its_identifier() {
        assertThat(Times.zoneName(BEIJING, Locale.SIMPLIFIED_CHINESE)).isEqualTo("北京时间");
        assertThat(Times.zoneName(BEIJING, Locale.ENGLISH)).isEqualTo("China Standard Time (UTC+8)");
        assertThat(Times.zoneName(ZoneId.of("Europe/Berlin"), Locale.ENGLISH))
                .isEqualTo("Central European Standard Time (UTC+1)");
    }

    @Test
    void a_time_is_written_to_the_minute_in_the_zone_with_its_name() {
        Instant t = Instant.parse("2026-12-06T05:00:00Z");
        assertThat(Times.minutes(t, BEIJING)).isEqualTo("2026-12-06 13:00");
        assertThat(Times.minutesWithZone(t, BEIJING, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026-12-06 13:00 北京时间");
        assertThat(Times.minutesWithZone(t, BEIJING, Locale.ENGLISH))
                .isEqualTo("2026-12-06 13:00, China Standard Time (UTC+8)");
    }
}
