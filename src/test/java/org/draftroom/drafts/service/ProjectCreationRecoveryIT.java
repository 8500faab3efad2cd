package org.draftroom.drafts.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.draftroom.IntegrationTest;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.storage.CommitRequest;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.Person;
import org.draftroom.drafts.storage.ProjectManifest;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A project's database row and its repository agree whatever happens between writing the one and the other: a
 * creation rolled back takes its repository with it, and a repository a crash left without its row is indexed on the
 * next start.
 */
@IntegrationTest
class ProjectCreationRecoveryIT {

    @Autowired ProjectService projects;
    @Autowired DraftStore store;
    @Autowired ProjectIndexRecovery recovery;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void a_creation_whose_transaction_rolls_back_leaves_no_repository() {
        SignedIn.as(users, "secretariat");
        int before = store.listProjects().size();
        String[] created = new String[1];

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Project project = projects.create(new ProjectForm("GB/T R" + System.nanoTime() % 100_000, "回滚", "Rollback",
                    DocumentType.GB_T, "WG7", Stage.DRAFTING, null, null), null);
            created[0] = project.id();
            assertThat(store.projectExists(project.id())).as("complete before the commit").isTrue();
            status.setRollbackOnly();
        });

        assertThat(store.projectExists(created[0])).isFalse();
        assertThat(store.listProjects()).hasSize(before);
    }

    @Test
    void a_repository_a_crash_left_without_its_row_is_indexed_on_the_next_start() {
        String id = "crashed-" + System.nanoTime() % 100_000;
        ProjectManifest manifest = new ProjectManifest(id, "GB/T C" + id.substring(8), "崩溃后", "After a crash",
                DocumentType.GB_T, "WG7", "drafting", "20.00", null);
        store.createProject(id, CommitRequest.initial(Map.of(DraftStore.MANIFEST_FILE, manifest.toYaml(),
                DraftStore.DRAFT_FILE, ProjectService.skeleton()), new Person("秘书处", "s@example.cn"), "Create"));

        recovery.run(null);

        SignedIn.as(users, "secretariat");
        Project indexed = projects.get(id);
        assertThat(indexed.code()).isEqualTo(manifest.code());
        assertThat(indexed.titleEn()).isEqualTo("After a crash");
        assertThat(projects.stageHistory(id)).hasSize(1);
    }
}
