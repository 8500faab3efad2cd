package org.draftroom.drafts;

import java.util.List;

/**
 * A Word file was saved as a version (or as a new project's first version) and held comments: the comments module
 * turns them into draft comments by the uploader. Published synchronously inside the upload's transaction, with the
 * uploader signed in.
 *
 * @param commitId the version the comments are made on
 */
public record WordCommentsImported(String projectId, String commitId, List<WordComment> comments) {

    public WordCommentsImported {
        comments = List.copyOf(comments);
    }

    /**
     * One comment of the Word file.
     *
     * @param clauseId the clause it is on ({@code ""}: the whole document)
     * @param quote    the words it was made on, as the reader saw them (may be empty)
     * @param author   the name Word recorded for the comment's author
     * @param text     the comment
     */
    public record WordComment(String clauseId, String quote, String author, String text) {
    }
}
