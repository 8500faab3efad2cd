package org.draftroom.comments.web;

/** Renders the Markdown of comments as HTML that is safe to show. */
public final class CommentMarkdown {

    private CommentMarkdown() {
    }

    /** The Markdown as sanitised HTML: no script, no event handlers, no javascript: links, no remote images. */
    public static String toSafeHtml(String markdown) {
        throw new UnsupportedOperationException("not yet");
    }
}
