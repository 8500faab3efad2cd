package org.draftroom.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stranger's HTTP client for the ways of authenticating: the login form as a browser posts it, HTTP Basic on the
 * token endpoint, and bearer tokens on the API. Every request comes from a chosen client address, sent as
 * {@code X-Forwarded-For}: the application under test runs with {@code server.forward-headers-strategy=native}, as
 * behind a reverse proxy, so it sees that address as the client's.
 */
final class SignInClient {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern META = Pattern.compile("<meta\\s+name=\"(_csrf(?:_parameter)?)\"\\s+content=\"([^\"]*)\"");

    private final int port;
    private final HttpClient basicClient = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SignInClient(int port) {
        this.port = port;
    }

    /** A client address no other test uses (198.18.0.0/15 is reserved for tests and no proxy's own range). */
    static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    /** An HTTP answer: status, body and the {@code Retry-After} header if any. */
    record Answer(int status, String body, Optional<String> retryAfter, long nanos) {
    }

    /**
     * Signs in through the login form as a browser does: opens the login page with a cookie jar of its own (a new
     * session, and the CSRF token the page carries, if any) and posts the form to {@code /login}.
     *
     * @return {@code signed-in}, or the reason the application gave when it sent the browser back to the login page
     *         ({@code credentials}, {@code throttled}, {@code disabled})
     */
    String form(String username, String password, String address) throws IOException, InterruptedException {
        return formTimed(username, password, address).body();
    }

    /** {@link #form}, with the outcome as the body and the time the form post took. */
    Answer formTimed(String username, String password, String address) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(request("/login", address).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the login page").isEqualTo(200);
        String csrfParameter = null;
        String csrfToken = null;
        Matcher meta = META.matcher(page.body());
        while (meta.find()) {
            if (meta.group(1).equals("_csrf_parameter")) {
                csrfParameter = meta.group(2);
            } else {
                csrfToken = meta.group(2);
            }
        }
        String form = "username=" + encode(username) + "&password=" + encode(password)
                + (csrfParameter != null && csrfToken != null ? "&" + encode(csrfParameter) + "=" + encode(csrfToken) : "");
        long start = System.nanoTime();
        HttpResponse<String> posted = browser.send(request("/login", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        assertThat(posted.statusCode()).as("the form post redirects: " + posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        Matcher error = Pattern.compile("/login\\?error=(\\w+)").matcher(location);
        String outcome = error.find() ? error.group(1) : location.contains("/login") ? "login:" + location : "signed-in";
        return new Answer(posted.statusCode(), outcome, Optional.empty(), nanos);
    }

    /** Asks for a personal access token with HTTP Basic ({@code POST /api/v1/tokens}). */
    Answer basic(String username, String password, String address) throws IOException, InterruptedException {
        return basic(username, password, address, "en");
    }

    Answer basic(String username, String password, String address, String language)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return send(request("/api/v1/tokens", address).header("Authorization", "Basic " + credentials)
                .header("Accept-Language", language).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"script\"}")));
    }

    /** A new token of this person, asked for from {@code address}. */
    String token(String username, String password, String address) throws IOException, InterruptedException {
        Answer answer = basic(username, password, address);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"(drt_[^\"]+)\"").matcher(answer.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** {@code GET path} with a bearer token, from {@code address}, in {@code language}. */
    Answer get(String path, String token, String address, String language) throws IOException, InterruptedException {
        return send(request(path, address).header("Authorization", "Bearer " + token)
                .header("Accept-Language", language).GET());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = basicClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"),
                System.nanoTime() - start);
    }

    private HttpRequest.Builder request(String path, String address) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", address);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
