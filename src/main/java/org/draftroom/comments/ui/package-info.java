/**
 * The comments UI; {@link org.draftroom.comments.ui.CommentedDraft} is public so that other modules (consultation
 * rounds) embed it.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.draftroom.comments.ui;
