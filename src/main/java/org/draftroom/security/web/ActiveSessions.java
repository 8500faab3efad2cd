package org.draftroom.security.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.draftroom.base.cluster.ClusterBus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Knows the open HTTP sessions of each signed-in user on this node, so that disabling a user ends their sessions at
 * once (the browser's next request finds itself signed out); with several nodes the other nodes are told
 * ({@link ClusterBus}, topic {@code end-sessions}) and end theirs. Registered as a servlet listener by Spring Boot.
 */
@Component
public class ActiveSessions implements HttpSessionAttributeListener, HttpSessionListener {

    private final Map<String, Set<HttpSession>> byUser = new ConcurrentHashMap<>();
    private final ClusterBus bus;

    /** With several nodes, ending a user's sessions is told to the other nodes, which end theirs too. */
    public ActiveSessions(ClusterBus bus) {
        this.bus = bus;
        bus.subscribe("end-sessions", username -> endHere(username, null));
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        track(event);
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        track(event);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        byUser.values().forEach(sessions -> sessions.remove(event.getSession()));
    }

    /**
     * Invalidates every session of the user on this node but the one with id {@code keepSessionId} (none when
     * null); returns when they have ended. The sessions are ended on a
     * thread of their own: ending one makes Vaadin close its UIs under that session's lock, and doing that inside the
     * administrator's Vaadin request left the request without the lock of the administrator's own session ("Cannot
     * access state in VaadinSession or UI without locking the session"), so the administrator's screen stopped
     * answering.
     */
    public void endSessionsOf(String username, String keepSessionId) {
        endHere(username, keepSessionId);
        bus.publish("end-sessions", username);
    }

    private void endHere(String username, String keepSessionId) {
        Set<HttpSession> tracked = byUser.get(key(username));
        if (tracked == null) {
            return;
        }
        Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();
        tracked.removeIf(s -> !sessionIdIs(s, keepSessionId) && sessions.add(s));
        Thread ending = new Thread(() -> sessions.forEach(ActiveSessions::invalidate), "end-sessions-" + username);
        ending.start();
        try {
            ending.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ending the sessions of " + username, e);
        }
    }

    private static boolean sessionIdIs(HttpSession session, String id) {
        try {
            return id != null && id.equals(session.getId());
        } catch (IllegalStateException invalid) {
            return false;
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // the session ended on its own meanwhile: nothing left to end
        }
    }

    private void track(HttpSessionBindingEvent event) {
        if (HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY.equals(event.getName())
                && event.getSession().getAttribute(event.getName()) instanceof SecurityContext context
                && context.getAuthentication() != null) {
            byUser.computeIfAbsent(key(context.getAuthentication().getName()), k -> ConcurrentHashMap.newKeySet())
                    .add(event.getSession());
        }
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
