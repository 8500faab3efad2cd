package org.draftroom.rounds.domain;

import java.util.List;
import java.util.Map;

/**
 * The secretariat's dashboard figures for a round.
 *
 * @param byType         comment count per type code (ge, te, ed)
 * @param byOrganisation comment count per organisation code, most first
 * @param byStatus       comment count per disposition key ("undecided" or the disposition's name)
 * @param topClauses     the clauses with the most comments (number or "" for general) and their counts
 * @param notSubmitted   codes of invited organisations that have not submitted
 */
public record RoundStatistics(int total, Map<String, Integer> byType, Map<String, Integer> byOrganisation,
                              Map<String, Integer> byStatus, List<Map.Entry<String, Integer>> topClauses,
                              List<String> notSubmitted, int late) {
}
