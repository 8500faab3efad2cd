package org.draftroom.editing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of live co-editing ({@code draftroom.editing.*}).
 *
 * @param idleCheckpoint     a clause with no acknowledged edit for this long gets a checkpoint commit (default 10 s)
 * @param checkpointInterval during a long session, text older than this reaches Git even while typing goes on
 *                           (default 5 min)
 * @param maxClauseLength    longest clause text co-edited live, in UTF-16 units (default 200,000: about 200,000
 *                           Chinese characters); a paste that would pass it is refused with a message
 */
@ConfigurationProperties("draftroom.editing")
public record EditingProperties(@DefaultValue("10s") Duration idleCheckpoint,
                                @DefaultValue("5m") Duration checkpointInterval,
                                @DefaultValue("200000") int maxClauseLength) {
}
