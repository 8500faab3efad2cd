package org.draftroom.comments.domain;

import org.draftroom.comments.anchoring.Placement;

/** A comment and where it stands in the version being looked at. */
public record PlacedComment(Comment comment, Placement placement) {
}
