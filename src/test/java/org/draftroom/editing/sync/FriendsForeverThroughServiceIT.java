package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.draftroom.IntegrationTest;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.editing.data.EditJournal;
import org.draftroom.editing.service.CoEditingService;
import org.draftroom.editing.service.SilentListener;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The real concurrent trace {@code friendsforever} (see {@link FriendsForeverTraceTest}) through the application's
 * whole server path: two signed-in editors of the project (editor2 and the secretariat) connected to the
 * {@link CoEditingService}, every message in its wire form through {@link CoEditingService#sync} (access check per
 * message, journal before the answer), over the same lossy, reordering simulated network. Both browsers and the live
 * clause end with the trace's end text; the journal holds every acknowledged edit; a save puts the text into Git.
 */
@IntegrationTest
class FriendsForeverThroughServiceIT {

    @Autowired CoEditingService service;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired EditJournal journal;
    @Autowired UserDetailsService users;

    private final Map<String, SecurityContext> contexts = new HashMap<>();
    private final Map<String, String> userOfClient = new HashMap<>();

    @AfterEach
    void signOut() {
        userOfClient.keySet().forEach(service::disconnect);
        SignedIn.nobody();
    }

    private void as(String username) {
        SecurityContextHolder.setContext(contexts.computeIfAbsent(username, u -> {
            UserDetails user = users.loadUserByUsername(u);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities()));
            return context;
        }));
    }

    @Test
    void two_typists_through_the_co_editing_service_end_with_the_traces_text() throws IOException {
        ConcurrentTrace trace;
        try (InputStream in = getClass().getResourceAsStream("/editing-traces/friendsforever.json.gz")) {
            trace = ConcurrentTrace.load(in);
        }
        as("secretariat");
        DraftDocument text = Outline.replaceBody(drafts.open("gbt-35273", "cd-1").document(), "scope", "");
        Project project = projects.create(new ProjectForm("GB/T 90410", "协同编辑轨迹", "Editing trace",
                DocumentType.GB_T, "WG7", Stage.DRAFTING, "20.20", "CN-BCL"), text);
        String projectId = project.id();
        assertThat(drafts.open(projectId, null).document().require("scope").body()).isEmpty();

        List<String> people = List.of("editor2", "secretariat");
        Map<String, String> clientOfAgent = new HashMap<>();
        SimulatedNetwork.Server server = new SimulatedNetwork.Server() {
            @Override
            public Snapshot join(String clauseId, String agent) {
                String user = people.get(Integer.parseInt(agent.substring("agent-".length())));
                as(user);
                String clientId = clientOfAgent.computeIfAbsent(agent, a -> {
                    String id = service.connect(projectId, new SilentListener());
                    userOfClient.put(id, user);
                    return id;
                });
                return service.open(clientId, clauseId).snapshot();
            }

            @Override
            public SyncOutcome receive(ClientMessage message) {
                as(userOfClient.get(message.clientId()));
                String answer = service.sync(message.clientId(), SyncCodec.encode(message));
                if (answer.startsWith(CoEditingService.REFUSED)) {
                    return new SyncOutcome.Rejected(RejectReason.valueOf(answer.trim().split(" ")[2]), answer);
                }
                return new SyncOutcome.Accepted(SyncCodec.decodeServer(answer, limits()), List.of(),
                        java.util.Set.of());
            }

            @Override
            public String text(String clauseId) {
                return service.liveText(projectId, clauseId).orElseThrow();
            }

            @Override
            public SyncLimits limits() {
                return SyncLimits.DEFAULT;
            }
        };

        FriendsForeverTraceTest.replay(trace, server, "scope");

        assertThat(journal.countEdits(projectId)).as("every acknowledged edit journalled").isPositive();
        as("editor2");
        String connection = clientOfAgent.get("agent-0");
        service.saveVersion(connection, "The friendsforever trace, typed live");
        assertThat(drafts.open(projectId, null).document().require("scope").body().stripTrailing())
                .isEqualTo(trace.endContent.stripTrailing());
    }
}
