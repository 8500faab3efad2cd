package org.draftroom.search.service;

import java.util.List;
import java.util.Map;
import org.draftroom.search.index.IndexedItem;

/**
 * The answer to a search.
 *
 * @param message   a message key when the person should be told something (no words to search, query shortened,
 *                  nothing found, index still being built), null otherwise
 * @param total     how many items matched in all
 * @param hits      the page asked for
 * @param facets    per facet ({@code kind}, {@code project}, {@code wg}, {@code type}, {@code org}, {@code round},
 *                  {@code status}) the number of matches per value, over all matches
 * @param goTo      when the query is a clause number or a standard code: the clauses or projects it names
 */
public record SearchResult(String query, String message, int total, List<Hit> hits,
                           Map<String, Map<String, Integer>> facets, List<Hit> goTo) {

    /**
     * One result.
     *
     * @param snippet HTML-escaped text with the searched words in {@code <mark>}
     * @param path    where the result opens in the UI (relative URL)
     */
    public record Hit(IndexedItem item, String snippet, String path) {
    }
}
