package org.draftroom.comments.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.service.DraftReader;
import org.springframework.stereotype.Component;

/**
 * The numbered drafts of recently used versions, keyed by commit id. A commit never changes, so an entry never goes
 * stale; the least recently used are dropped beyond {@value #CAPACITY}. Thread-safe. No access check: callers
 * decide who may see what.
 */
@Component
class Versions {

    static final int CAPACITY = 24;

    private final DraftReader reader;
    private final Map<String, NumberedOutline> cache = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NumberedOutline> eldest) {
            return size() > CAPACITY;
        }
    };

    Versions(DraftReader reader) {
        this.reader = reader;
    }

    /** The numbered draft of the version with this full commit id. */
    NumberedOutline outline(String projectId, String commitId) {
        String key = projectId + "@" + commitId;
        synchronized (cache) {
            NumberedOutline hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        NumberedOutline outline = NumberedOutline.of(reader.document(projectId, commitId));
        synchronized (cache) {
            cache.put(key, outline);
        }
        return outline;
    }
}
