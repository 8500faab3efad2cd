package org.draftroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load balancer with sticky sessions for tests, as HAProxy's {@code cookie SERVERID insert} does it: each client
 * connection goes to the node its {@code DRNODE} cookie names while that node takes connections, else to the next
 * node that does, and the first answer on a connection that was (re)placed sets the cookie. The bytes are passed
 * through untouched otherwise (keep-alive requests and websockets stay on the connection's node). Plain threads, no
 * library; for a few browsers and API clients. {@link #unplug()} is a pulled network cable: every open connection
 * (websockets included) drops and new ones are closed at once, until {@link #plug()}.
 */
public final class StickyProxy implements AutoCloseable {

    private static final Pattern COOKIE = Pattern.compile("(?im)^cookie:.*\\bDRNODE=(\\d+)");

    private final ServerSocket server;
    private final List<Integer> ports;
    private final int first;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;
    private volatile boolean plugged = true;

    /**
     * Listens on a free port; clients without a cookie (or whose node is down) go to {@code ports.get(first)} if it
     * takes connections, else to the next node that does (a browser opens several connections before its first
     * answer sets the cookie, so a fixed order keeps them together).
     */
    public StickyProxy(List<Integer> ports, int first) throws IOException {
        this.ports = List.copyOf(ports);
        this.first = first;
        this.server = new ServerSocket(0);
        Thread accept = new Thread(this::accept, "sticky-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.getLocalPort();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                if (!plugged) {
                    client.close();
                    continue;
                }
                Thread t = new Thread(() -> serve(client), "sticky-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Drops every open connection and refuses new ones (closes them at once) until {@link #plug()}. */
    public void unplug() {
        plugged = false;
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    /** Takes connections again. */
    public void plug() {
        plugged = true;
    }

    private void serve(Socket client) {
        connections.add(client);
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            Matcher m = COOKIE.matcher(new String(head, StandardCharsets.ISO_8859_1));
            int wanted = m.find() ? Integer.parseInt(m.group(1)) : -1;
            Socket backend = null;
            int chosen = -1;
            if (wanted >= 0 && wanted < ports.size()) {
                backend = connect(wanted);
                chosen = wanted;
            }
            for (int i = 0; backend == null && i < ports.size(); i++) {
                chosen = (first + i) % ports.size();
                backend = connect(chosen);
            }
            if (backend == null) {
                client.getOutputStream().write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            try (Socket b = backend) {
                b.getOutputStream().write(head);
                b.getOutputStream().flush();
                Thread up = new Thread(() -> pipe(in, b, client), "sticky-proxy-up");
                up.setDaemon(true);
                up.start();
                InputStream fromBackend = b.getInputStream();
                OutputStream toClient = client.getOutputStream();
                if (chosen != wanted) {
                    byte[] answer = readHead(fromBackend);
                    if (answer == null) {
                        return;
                    }
                    String text = new String(answer, StandardCharsets.ISO_8859_1);
                    int end = text.indexOf("\r\n");
                    text = text.substring(0, end + 2) + "Set-Cookie: DRNODE=" + chosen + "; Path=/; HttpOnly\r\n"
                            + text.substring(end + 2);
                    toClient.write(text.getBytes(StandardCharsets.ISO_8859_1));
                    toClient.flush();
                }
                fromBackend.transferTo(toClient);
            }
        } catch (IOException gone) {
            // a side closed: the other side is closed with it
        } finally {
            connections.remove(client);
        }
    }

    private Socket connect(int index) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("localhost", ports.get(index)), 1000);
            return s;
        } catch (IOException down) {
            return null;
        }
    }

    private static void pipe(InputStream in, Socket backend, Socket client) {
        try {
            in.transferTo(backend.getOutputStream());
        } catch (IOException ignored) {
            // closed
        } finally {
            try {
                backend.close();
                client.close();
            } catch (IOException ignored) {
                // closed
            }
        }
    }

    /** The bytes up to and including the blank line that ends an HTTP head, or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            head.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (c == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
