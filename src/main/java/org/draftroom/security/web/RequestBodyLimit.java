package org.draftroom.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.draftroom.base.RequestTooLarge;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest request body the application reads, multipart uploads aside (they have limits of their own: the API's
 * upload size, the upload fields' buffers). Vaadin reads a message's whole body into memory before it looks at it,
 * and anyone who opens the sign-in page has a UI to send messages to: one 270 MB message ran a 256 MB heap out of
 * memory. A body announced larger than {@link #MAX_BYTES} is answered 413 unread; one streamed without a length is
 * cut off there (413 too, when nothing has been answered yet). The limit is far above the largest message the
 * application's own pages send (a live sync message is at most 4,000,000 characters, {@code SyncLimits}).
 * Runs before everything else, sign-in included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 16L * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(new Limited(request), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!causedByLimit(e)) {
                throw e;
            }
            if (!response.isCommitted()) {
                refuse(response);
            }
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        // written here, not through sendError: the error page would go through sign-in and answer with a redirect.
        // The rest of the body is not read: the connection is closed after the answer.
        response.resetBuffer();
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Request body over " + (MAX_BYTES >> 20) + " MB\n");
        response.flushBuffer();
    }

    private static boolean causedByLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLarge) {
                return true;
            }
        }
        return false;
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;
        private BufferedReader reader;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
            }
            return reader;
        }
    }

    /** The request's character set, UTF-8 when it names none or one this JVM does not know (or a malformed name). */
    private static Charset charset(String encoding) {
        try {
            return encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                    : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException malformed) {
            return StandardCharsets.UTF_8;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new RequestTooLarge(MAX_BYTES);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
