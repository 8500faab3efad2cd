package org.draftroom.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of search.
 *
 * @param pollInterval    how often a node reads the change log of other nodes' changes (default 500ms)
 * @param refreshInterval how often the whole index is rebuilt in the background, to pick up changes no event reports
 *                        (comment edits, moderation); default 15m, zero turns it off
 * @param maxQueryLength  longer queries are shortened to this many characters, with a message (default 200)
 */
@ConfigurationProperties("draftroom.search")
public record SearchProperties(@DefaultValue("500ms") Duration pollInterval,
                               @DefaultValue("15m") Duration refreshInterval,
                               @DefaultValue("200") int maxQueryLength) {
}
