package org.draftroom.base.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How views write times: in the committee's time zone, to the minute; a missing time is a dash. */
public final class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    public static String minutes(Instant instant, ZoneId zone) {
        return instant == null ? "—" : MINUTES.format(instant.atZone(zone));
    }
}
