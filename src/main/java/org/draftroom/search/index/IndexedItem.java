package org.draftroom.search.index;

/**
 * One thing in the index, as the indexer describes it and a search returns it. Fields that do not apply are null
 * (a clause has no comment id, a comment no term).
 *
 * @param key             unique among all items ({@code clause:<project>:<round>:<clause id>}, {@code comment:<id>})
 * @param roundId         the consultation round whose frozen version holds the clause, or whose comment this is; 0
 *                        for the current version and working-draft comments
 * @param commitId        the version of the text (for clauses and terms)
 * @param clauseId        the clause (for comments: where the comment stands; may be empty for a general comment)
 * @param number          the clause's number ("5.4", "3.1", "A.2"), empty for unnumbered clauses
 * @param title           the clause's title, or the comment's readable id
 * @param text            the text searched and shown: a clause's body, a comment's body and proposed change, a
 *                        disposition's reason
 * @param organisationCode the comment's organisation, empty when none
 * @param status          a comment's status, a disposition's decision (ACCEPTED, ...), empty otherwise
 */
public record IndexedItem(String key, Kind kind, String projectId, String projectCode, String projectTitleZh,
                          String projectTitleEn, String workingGroup, long roundId, String roundLabel, String commitId,
                          String clauseId, String number, String title, String text, Long commentId,
                          String commentType, Long organisationId, String organisationCode, Long authorId,
                          String status) {

    public IndexedItem {
        projectCode = orEmpty(projectCode);
        projectTitleZh = orEmpty(projectTitleZh);
        projectTitleEn = orEmpty(projectTitleEn);
        workingGroup = orEmpty(workingGroup);
        roundLabel = orEmpty(roundLabel);
        commitId = orEmpty(commitId);
        clauseId = orEmpty(clauseId);
        number = orEmpty(number);
        title = orEmpty(title);
        text = orEmpty(text);
        commentType = orEmpty(commentType);
        organisationCode = orEmpty(organisationCode);
        status = orEmpty(status);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
