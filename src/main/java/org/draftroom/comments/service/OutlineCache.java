package org.draftroom.comments.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.service.DraftReader;
import org.springframework.stereotype.Component;

/**
 * The numbered drafts of recently used versions, keyed by commit id. A commit never changes, so an entry never goes
 * stale; beyond {@value #CAPACITY} entries Caffeine drops the least likely to be used again. Thread-safe, and a
 * version asked for by several people at once is read once. No access check: callers decide who may see what.
 */
@Component
class OutlineCache {

    static final int CAPACITY = 24;

    private final DraftReader reader;
    private final Cache<String, NumberedOutline> cache = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    OutlineCache(DraftReader reader) {
        this.reader = reader;
    }

    /** The numbered draft of the version with this full commit id. */
    NumberedOutline outline(String projectId, String commitId) {
        return cache.get(projectId + "@" + commitId,
                key -> NumberedOutline.of(reader.document(projectId, commitId)));
    }
}
