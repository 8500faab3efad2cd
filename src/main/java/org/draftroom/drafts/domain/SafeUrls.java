package org.draftroom.drafts.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Which URLs rendered draft text may use. Links: {@code #fragment}, relative paths, {@code http}, {@code https} and
 * {@code mailto}. Images: relative paths only, so that rendering a draft never makes the reader's browser fetch from
 * another host. Anything with control characters or whitespace inside is refused.
 */
final class SafeUrls implements UrlSanitizer {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

    /** The link URL, or empty if it may not be used. */
    @Override
    public String sanitizeLinkUrl(String url) {
        String u = url.strip();
        if (hasControlCharacters(u)) {
            return "";
        }
        Matcher m = SCHEME.matcher(u);
        if (m.find()) {
            return LINK_SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT)) ? u : "";
        }
        return u;
    }

    /** The image URL if it is a relative path on this site, else empty. */
    @Override
    public String sanitizeImageUrl(String url) {
        return isLocalImage(url) ? url.strip() : "";
    }

    static boolean isLocalImage(String url) {
        String u = url.strip();
        return !u.isEmpty() && !hasControlCharacters(u) && !SCHEME.matcher(u).find() && !u.startsWith("//")
                && !u.startsWith("\\") && !u.startsWith("/\\");
    }

    static boolean isRemote(String url) {
        Matcher m = SCHEME.matcher(url.strip());
        return m.find() && Set.of("http", "https").contains(m.group(1).toLowerCase(Locale.ROOT))
                || url.strip().startsWith("//");
    }

    private static boolean hasControlCharacters(String u) {
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
