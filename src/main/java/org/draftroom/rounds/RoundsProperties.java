package org.draftroom.rounds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of consultation rounds.
 *
 * @param defaultDays         how long a new round runs unless the secretariat says otherwise (TC260 rounds run about 60
 *                            days; default 60)
 * @param reminderDays        how many days before closing the audience is reminded (default 3)
 */
@ConfigurationProperties("draftroom.rounds")
public record RoundsProperties(@DefaultValue("60") int defaultDays, @DefaultValue("3") int reminderDays) {
}
