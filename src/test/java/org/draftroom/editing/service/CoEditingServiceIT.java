package org.draftroom.editing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.draftroom.IntegrationTest;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.editing.data.EditJournal;
import org.draftroom.editing.sync.ClientMessage;
import org.draftroom.editing.sync.ClientSync;
import org.draftroom.editing.sync.Edit;
import org.draftroom.editing.sync.Snapshot;
import org.draftroom.editing.sync.SyncCodec;
import org.draftroom.editing.sync.SyncLimits;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The co-editing service against the real database and Git: every message checked for access, bad input refused
 * without harm to others, edits journalled before they are acknowledged, checkpoints authored by who wrote most, and
 * journalled edits that never reached Git replayed.
 */
@IntegrationTest
class CoEditingServiceIT {

    private static final String SAMPLE = "gbt-35273";

    @Autowired CoEditingService service;
    @Autowired DraftService drafts;
    @Autowired ProjectService projects;
    @Autowired EditJournal journal;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;

    private final List<String> connected = new ArrayList<>();

    @AfterEach
    void leave() {
        connected.forEach(service::disconnect);
        SignedIn.nobody();
    }

    /** A fresh WG7 project with the sample's text, so tests do not disturb each other. */
    private String freshProject(String code) {
        SignedIn.as(users, "secretariat");
        DraftDocument text = drafts.open(SAMPLE, "cd-1").document();
        Project project = projects.create(new ProjectForm(code, "测试项目", "Test project", DocumentType.GB_T, "WG7",
                Stage.DRAFTING, "20.20", "CN-BCL"), text);
        SignedIn.nobody();
        return project.id();
    }

    /** A simulated browser of one signed-in person: the reference client over the service's text messages. */
    private final class Editor {
        final String username;
        final String clientId;
        final AtomicInteger pushes = new AtomicInteger();
        ClientSync client;

        Editor(String projectId, String username) {
            this.username = username;
            SignedIn.as(users, username);
            clientId = service.connect(projectId, new CoEditingService.Listener() {
                @Override
                public void syncNow() {
                    pushes.incrementAndGet();
                }

                @Override
                public void presenceChanged(List<CoEditingService.Participant> participants) {
                }

                @Override
                public void outlineChanged(String byName) {
                }
            });
            connected.add(clientId);
        }

        Editor open(String clauseId) {
            as();
            client = new ClientSync(service.open(clientId, clauseId).snapshot(), SyncLimits.DEFAULT);
            return this;
        }

        void as() {
            SignedIn.as(users, username);
        }

        /** Sends one message and applies the answer; returns the raw answer. */
        String sync() {
            as();
            String answer = service.sync(clientId, SyncCodec.encode(client.nextMessage()));
            if (!answer.startsWith(CoEditingService.REFUSED)) {
                client.receive(SyncCodec.decodeServer(answer, SyncLimits.DEFAULT));
            }
            return answer;
        }

        void type(String text) {
            client.edit(client.text().length(), 0, text);
        }

        void resync(String clauseId) {
            as();
            Snapshot snapshot = service.open(clientId, clauseId).snapshot();
            client.resync(snapshot);
        }
    }

    @Test
    void edits_are_journalled_before_they_are_acknowledged_and_a_named_save_credits_who_wrote_most() {
        String projectId = freshProject("GB/T 90401");
        Editor liu = new Editor(projectId, "editor2").open("scope");
        Editor wang = new Editor(projectId, "secretariat").open("scope");

        liu.type("本文件也适用于主管监管部门开展个人信息安全检查，以及第三方评估机构的评估活动。");
        liu.sync();
        assertThat(journal.countEdits(projectId)).as("journalled when the answer comes back").isEqualTo(1);
        assertThat(wang.pushes.get()).as("the other editor is told to sync").isEqualTo(1);
        wang.sync();
        wang.type(" OK.");
        wang.sync();
        liu.sync();
        assertThat(liu.client.text()).isEqualTo(wang.client.text()).endsWith("评估活动。 OK.");
        assertThat(journal.countEdits(projectId)).isEqualTo(2);

        liu.as();
        VersionInfo version = service.saveVersion(liu.clientId, "Extend the scope to inspections").orElseThrow();
        assertThat(version.authorName()).isEqualTo("刘洋 Liu Yang");
        assertThat(version.coAuthors()).singleElement().asString().startsWith("王芳 Wang Fang <");
        assertThat(version.message()).startsWith("Extend the scope to inspections");
        SignedIn.as(users, "editor2");
        assertThat(drafts.open(projectId, null).document().require("scope").body().stripTrailing()).endsWith("评估活动。 OK.");
        assertThat(service.saveVersion(liu.clientId, "again")).as("nothing new to save").isEmpty();
    }

    @Test
    void a_clause_that_goes_quiet_is_checkpointed_and_the_last_editor_leaving_writes_the_rest() {
        String projectId = freshProject("GB/T 90402");
        Editor liu = new Editor(projectId, "editor2").open("terms");
        SignedIn.as(users, "editor2");
        String head = drafts.open(projectId, null).version().commitId();
        liu.type("Quiet now.");
        liu.sync();
        service.checkpointDue(clock.instant().plusSeconds(2));
        SignedIn.as(users, "editor2");
        assertThat(drafts.open(projectId, null).version().commitId()).as("not quiet long enough").isEqualTo(head);
        service.checkpointDue(clock.instant().plus(Duration.ofSeconds(11)));
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot checkpoint = drafts.open(projectId, null);
        assertThat(checkpoint.version().commitId()).isNotEqualTo(head);
        assertThat(checkpoint.version().authorName()).isEqualTo("刘洋 Liu Yang");
        assertThat(checkpoint.version().message()).startsWith("Live edits of terms");
        assertThat(checkpoint.document().require("terms").body().stripTrailing()).endsWith("Quiet now.");

        liu.type(" Last words.\n# typed like a heading");
        liu.sync();
        service.disconnect(liu.clientId);
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot last = drafts.open(projectId, null);
        assertThat(last.document().require("terms").body().stripTrailing())
                .as("a heading typed into the text stays text").endsWith("Quiet now. Last words.\n\\# typed like a heading");
        assertThat(last.document().clauses()).hasSameSizeAs(checkpoint.document().clauses());
        assertThat(journal.openSessions()).noneMatch(s -> s.projectId().equals(projectId));
    }

    @Test
    void a_checkpoint_keeps_a_whole_draft_save_made_meanwhile_in_the_same_clause() {
        String projectId = freshProject("GB/T 90407");
        Editor liu = new Editor(projectId, "editor2").open("scope");
        liu.type(" Live words.");
        liu.sync();

        SignedIn.as(users, "secretariat");
        DraftService.DraftSnapshot head = drafts.open(projectId, null);
        String scope = head.document().require("scope").body();
        drafts.save(projectId, head.version().commitId(),
                Outline.replaceBody(head.document(), "scope", "Saved words. " + scope).text(), "Classic save");

        liu.as();
        assertThat(service.saveVersion(liu.clientId, "Live save")).isPresent();
        SignedIn.as(users, "editor2");
        String saved = drafts.open(projectId, null).document().require("scope").body().stripTrailing();
        assertThat(saved).as("both edits, neither overwritten").startsWith("Saved words. ").endsWith(" Live words.");
    }

    @Test
    void a_clause_whose_text_cannot_be_stored_does_not_hold_back_the_others() {
        String projectId = freshProject("GB/T 90406");
        Editor liu = new Editor(projectId, "editor2").open("scope");
        Editor wang = new Editor(projectId, "secretariat").open("terms");
        liu.type("\n```\nan unclosed code fence would swallow the clauses after it");
        liu.sync();
        wang.type(" Fine text.");
        wang.sync();

        wang.as();
        assertThat(service.saveVersion(wang.clientId, "Save what can be saved")).isPresent();
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot saved = drafts.open(projectId, null);
        assertThat(saved.document().require("terms").body().stripTrailing()).endsWith("Fine text.");
        assertThat(saved.document().require("scope").body()).doesNotContain("unclosed code fence");
        assertThat(journal.openSessions()).anyMatch(s -> s.projectId().equals(projectId)
                && s.clauseId().equals("scope"));
        assertThat(service.liveText(projectId, "scope").orElseThrow()).contains("unclosed code fence");
    }

    @Test
    void an_editor_of_another_working_group_a_reviewer_and_a_signed_out_client_are_refused() {
        String projectId = freshProject("GB/T 90403");
        SignedIn.as(users, "editor1");
        assertThatThrownBy(() -> new Editor(projectId, "editor1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new Editor(projectId, "reviewer1")).isInstanceOf(AccessDeniedException.class);
        SignedIn.nobody();
        assertThatThrownBy(() -> service.connect(projectId, null))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);

        // A legitimate editor's connection, used by others message by message: every message is checked.
        Editor liu = new Editor(projectId, "editor2").open("scope");
        liu.type("mine");
        String message = SyncCodec.encode(liu.client.nextMessage());
        for (String intruder : List.of("editor1", "reviewer1")) {
            SignedIn.as(users, intruder);
            assertThatThrownBy(() -> service.sync(liu.clientId, message)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.open(liu.clientId, "scope")).isInstanceOf(AccessDeniedException.class);
        }
        SignedIn.as(users, "secretariat");
        assertThatThrownBy(() -> service.sync(liu.clientId, message)).as("another editor, not the connection's owner")
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.nobody();
        assertThatThrownBy(() -> service.sync(liu.clientId, message)).isInstanceOf(AccessDeniedException.class);
        assertThat(journal.countEdits(projectId)).isZero();
        assertThat(service.liveText(projectId, "scope").orElseThrow()).doesNotContain("mine");
    }

    @Test
    void bad_messages_are_refused_and_the_sender_resyncs_while_the_others_go_on() {
        String projectId = freshProject("GB/T 90404");
        Editor liu = new Editor(projectId, "editor2").open("scope");
        Editor wang = new Editor(projectId, "secretariat").open("scope");
        wang.type("Wang's sentence.");
        wang.sync();

        liu.as();
        assertThat(service.sync(liu.clientId, "garbage")).isEqualTo("DS1 R MALFORMED resync\n");
        assertThat(service.sync(liu.clientId, "DS1 C " + liu.clientId + " scope 1 1 0 1\n0 0 =99999\n"))
                .as("a delta that does not fit").isEqualTo("DS1 R DELTA_MISMATCH resync\n");
        String future = SyncCodec.encode(new ClientMessage(liu.clientId, "scope", 1, 1, 0,
                List.of(new Edit(5, 0, "+x"))));
        assertThat(service.sync(liu.clientId, future)).startsWith("DS1 R ").contains("resync");
        assertThat(service.sync(liu.clientId, "DS1 C " + liu.clientId + " terms 1 1 0 0\n"))
                .as("a clause the sender has not open").isEqualTo("DS1 R WRONG_CLAUSE resync\n");
        assertThatThrownBy(() -> service.open(liu.clientId, "no-such-clause")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("editing.clause-gone");
        liu.open("scope");

        // A multi-megabyte paste: refused above the limit, nothing else changes.
        liu.type("x".repeat(3_000_000));
        String refused = liu.sync();
        assertThat(refused).startsWith("DS1 R ").contains("resync").containsAnyOf("TEXT_TOO_LONG", "MESSAGE_TOO_LARGE");
        liu.open("scope");
        liu.type(" Liu's sentence.");
        liu.as();
        String sent = SyncCodec.encode(liu.client.nextMessage());
        liu.client.receive(SyncCodec.decodeServer(service.sync(liu.clientId, sent), SyncLimits.DEFAULT));
        assertThat(service.sync(liu.clientId, sent)).as("the same message again").isEqualTo("DS1 R STALE\n");

        wang.type(" More from Wang.");
        wang.sync();
        liu.sync();
        wang.sync();
        assertThat(wang.client.text()).isEqualTo(liu.client.text())
                .contains("Wang's sentence.", " Liu's sentence.", " More from Wang.").doesNotContain("xxxx");
        assertThat(service.liveText(projectId, "scope").orElseThrow()).isEqualTo(wang.client.text());
    }

    @Test
    void journalled_edits_that_never_reached_git_are_replayed_once() {
        String projectId = freshProject("GB/T 90405");
        Editor liu = new Editor(projectId, "editor2").open("scope");
        Editor wang = new Editor(projectId, "secretariat").open("scope");
        liu.type(" 甲乙丙丁 written by Liu, acknowledged, not yet in Git.");
        liu.sync();
        wang.sync();
        wang.type(" 😀 and Wang.");
        wang.sync();
        SignedIn.as(users, "editor2");
        String head = drafts.open(projectId, null).version().commitId();

        // What a start-up after a crash does: the journal is all there is.
        new JournalReplay(journal, drafts, clock).replay();
        SignedIn.as(users, "editor2");
        DraftService.DraftSnapshot recovered = drafts.open(projectId, null);
        assertThat(recovered.version().commitId()).isNotEqualTo(head);
        assertThat(recovered.version().authorName()).isEqualTo("刘洋 Liu Yang");
        assertThat(recovered.version().coAuthors()).singleElement().asString().startsWith("王芳 Wang Fang");
        assertThat(recovered.document().require("scope").body().stripTrailing())
                .endsWith(" 甲乙丙丁 written by Liu, acknowledged, not yet in Git. 😀 and Wang.");
        assertThat(journal.openSessions()).noneMatch(s -> s.projectId().equals(projectId));

        // Replaying again, or the live session's own last checkpoint, adds nothing twice.
        new JournalReplay(journal, drafts, clock).replay();
        service.disconnect(liu.clientId);
        service.disconnect(wang.clientId);
        SignedIn.as(users, "editor2");
        assertThat(drafts.open(projectId, null).document().require("scope").body())
                .isEqualTo(recovered.document().require("scope").body());
    }
}
