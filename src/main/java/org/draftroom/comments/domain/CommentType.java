package org.draftroom.comments.domain;

import java.util.Locale;
import org.draftroom.base.UserFacingException;

/** The type of a comment, as in the ISO/IEC commenting template: general, technical, editorial. */
public enum CommentType {
    GE, TE, ED;

    /** The code used in commenting sheets: {@code ge}, {@code te}, {@code ed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named by a sheet or a form: the code in any case, the English word ("general", "technical",
     * "editorial") or the Chinese one (一般, 技术, 编辑).
     *
     * @throws UserFacingException {@code comment.type.unknown} (the text) for anything else, including null
     */
    public static CommentType ofCode(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "ge", "general", "一般", "一般性" -> GE;
            case "te", "technical", "技术", "技术性" -> TE;
            case "ed", "editorial", "编辑", "编辑性" -> ED;
            default -> throw new UserFacingException("comment.type.unknown", text == null ? "" : text);
        };
    }
}
