package org.draftroom.drafts.service;

import org.draftroom.base.UploadProperties;
import org.draftroom.drafts.domain.DraftImporter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.DraftVersionCommitted;
import org.draftroom.drafts.data.ProjectRepository;
import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.imports.WordImport;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.StageChange;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.drafts.storage.CommitRequest;
import org.draftroom.drafts.storage.CommitResult;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.HistoryQuery;
import org.draftroom.drafts.storage.Person;
import org.draftroom.drafts.storage.ProjectManifest;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Standard projects: the list, creation, and moves between stages. A project's repository holds its
 * {@code project.yaml}; the database indexes it for listing and records every stage change with who, when and why.
 * The database row is written first in the transaction and the repository last (complete, in one rename), so a failed
 * commit leaves no row, a rolled-back transaction removes the repository, and a crash in between leaves a repository
 * that the next start indexes.
 */
@Service
@Transactional
public class ProjectService {

    static final int REASON_MAX = 2000;
    static final int TITLE_MAX = 300;
    static final int CODE_MAX = 64;

    private final ProjectRepository projects;
    private final DraftStore store;
    private final Access access;
    private final DirectoryService directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final long maxMarkdownBytes;

    ProjectService(ProjectRepository projects, DraftStore store, Access access, DirectoryService directory,
                   ApplicationEventPublisher events, Clock clock, UploadProperties uploads) {
        this.maxMarkdownBytes = Math.min(uploads.maxMarkdownSize().toBytes(), DraftImporter.MAX_BYTES);
        this.projects = projects;
        this.store = store;
        this.access = access;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The largest Markdown draft accepted as an upload ({@code draftroom.uploads.max-markdown-size}). */
    public long maxMarkdownBytes() {
        return maxMarkdownBytes;
    }

    @PreAuthorize("@access.canReadDrafts()")
    @Transactional(readOnly = true)
    public List<Project> find(ProjectFilter filter) {
        return projects.find(filter);
    }

    @PreAuthorize("@access.canReadDrafts()")
    @Transactional(readOnly = true)
    public Project get(String projectId) {
        return projects.findById(projectId).orElseThrow(() -> new UserFacingException("project.not-found", projectId));
    }

    @PreAuthorize("@access.canReadDrafts()")
    @Transactional(readOnly = true)
    public List<StageChange> stageHistory(String projectId) {
        get(projectId);
        return projects.stageChanges(projectId);
    }

    /** Whether the signed-in person may edit this project's draft. */
    @Transactional(readOnly = true)
    public boolean canEdit(Project project) {
        return access.canEditProjectsOf(project.workingGroup());
    }

    /**
     * Creates a project with its repository: the first version holds {@code project.yaml} and either the given
     * draft or the GB/T 1.1 skeleton (foreword with its fixed sentence, scope, normative references, terms).
     */
    @PreAuthorize("@access.canManageProjects()")
    public Project create(ProjectForm form, DraftDocument draft) {
        return create(form, draft == null ? null : draft.text(), Map.of(), null);
    }

    /**
     * Creates a project whose first version is an imported Word file ({@link DraftService#readWord}), with its
     * figures; the file's comments then become draft comments by the signed-in person.
     */
    @PreAuthorize("@access.canManageProjects()")
    public Project createFromWord(ProjectForm form, WordImport word) {
        return create(form, word.document().text(), word.figures(), word);
    }

    private Project create(ProjectForm form, String draftText, Map<String, byte[]> figures, WordImport word) {
        String code = required("project.code", form.code(), CODE_MAX);
        String titleZh = required("project.title-zh", form.titleZh(), TITLE_MAX);
        String titleEn = required("project.title-en", form.titleEn(), TITLE_MAX);
        if (form.type() == null) {
            throw new FieldProblemException("project.type", "validation.required");
        }
        String workingGroup = directory.workingGroups().stream().map(WorkingGroup::code)
                .filter(c -> c.equalsIgnoreCase(String.valueOf(form.workingGroup()).trim())).findFirst()
                .orElseThrow(() -> new FieldProblemException("project.working-group", "validation.working-group.unknown"));
        Stage stage = form.stage() == null ? Stage.DRAFTING : form.stage();
        String stageCode = form.stageCode() == null || form.stageCode().isBlank() ? stage.isoStage() + ".00"
                : form.stageCode().trim();
        if (!Stage.validCode(stageCode)) {
            throw new FieldProblemException("project.stage-code", "project.stage-code.invalid");
        }
        if (projects.codeExists(code)) {
            throw new FieldProblemException("project.code", "project.code.taken", code);
        }
        String id = uniqueId(code);
        String lead = form.leadOrganisation() == null || form.leadOrganisation().isBlank() ? null
                : form.leadOrganisation().trim().toUpperCase(Locale.ROOT);
        Project project = new Project(id, code, titleZh, titleEn, form.type(), workingGroup, stage, stageCode, lead,
                clock.instant());
        projects.upsert(project, clock.instant());
        CurrentUser me = access.current();
        projects.addStageChange(id, new StageChange(null, null, stage, stageCode, "—", me.username(), clock.instant()));

        String text = draftText == null ? skeleton() : draftText;
        CommitResult result = store.createProject(id, CommitRequest.initial(Map.of(DraftStore.MANIFEST_FILE,
                manifest(project).toYaml(), DraftStore.DRAFT_FILE, text), Versions.person(me),
                "Create project " + code + "\n\n" + VersionNote.trailers("create-project", code, List.of()))
                .withBinaryFiles(figures));
        // The repository appeared complete (built aside, renamed into place) before the row commits. Should the
        // transaction still roll back, the repository goes too; should the process die first, the start-up indexes
        // the repository (ProjectIndexRecovery). Either way row and repository agree.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // Only on a sure rollback: when the outcome is unknown the row may exist, and a repository without
                // a row is the recoverable side (indexed at the next start).
                if (status == STATUS_ROLLED_BACK) {
                    store.deleteProject(id);
                }
            }
        });
        events.publishEvent(new DraftVersionCommitted(id, result.version().commitId(), null));
        if (word != null) {
            DraftService.publishComments(events, id, result.version().commitId(), word);
        }
        return project;
    }

    /** Moves a project to a stage; recorded with the reason, and written to {@code project.yaml} as a version. */
    @PreAuthorize("@access.canManageProjects()")
    public Project changeStage(String projectId, Stage stage, String stageCode, String reason) {
        Project current = get(projectId);
        if (stage == null) {
            throw new FieldProblemException("project.stage", "validation.required");
        }
        String code = stageCode == null ? "" : stageCode.trim();
        if (!Stage.validCode(code)) {
            throw new FieldProblemException("project.stage-code", "project.stage-code.invalid");
        }
        String why = required("project.stage-reason", reason, REASON_MAX);
        if (stage == current.stage() && code.equals(current.stageCode())) {
            throw new UserFacingException("project.stage.unchanged");
        }
        CurrentUser me = access.current();
        return move(current, stage, code, why, me.username(), Versions.person(me), clock.instant(),
                "Move to stage " + stage.key() + " (" + code + ")\n\n" + why + "\n\n"
                        + VersionNote.trailers("stage", stage.key() + " " + code, List.of()));
    }

    /**
     * Moves a project to a stage because a consultation round did (opening a round moves the project to
     * 征求意见): recorded in the timeline at {@code at} as done by {@code username} (who scheduled or opened the round)
     * with {@code note} as the reason, a {@link VersionNote} the interface says in the reader's language, and written
     * to {@code project.yaml} as a version with the same note. Nothing happens when the project is there already.
     * Called by the rounds module on a round's own events, so it has no authorization of its own.
     *
     * @return whether the project moved
     */
    public boolean moveWithRound(String projectId, Stage stage, String stageCode, String note, String username,
                                 Instant at) {
        Project current = get(projectId);
        if (stage == current.stage() && stageCode.equals(current.stageCode())) {
            return false;
        }
        String name = access.nameOf(username);
        move(current, stage, stageCode, note, username, new Person(name.isBlank() ? username : name,
                username + "@users.draftroom.local"), at, "Move to stage " + stage.key() + " (" + stageCode + ")"
                + "\n\n" + note);
        return true;
    }

    private Project move(Project current, Stage stage, String code, String why, String username, Person author,
                         Instant at, String message) {
        String projectId = current.id();
        Project moved = new Project(current.id(), current.code(), current.titleZh(), current.titleEn(),
                current.type(), current.workingGroup(), stage, code, current.leadOrganisation(), clock.instant());
        DocumentInfo document = storedDocument(projectId);
        projects.upsert(moved, clock.instant());
        projects.addStageChange(projectId, new StageChange(current.stage(), current.stageCode(), stage, code, why,
                username, at));
        String head = store.head(projectId).orElseThrow();
        CommitResult result = store.commit(projectId, CommitRequest.onTopOf(head,
                Map.of(DraftStore.MANIFEST_FILE, manifest(moved).withDocument(document).toYaml()), author, message));
        events.publishEvent(new DraftVersionCommitted(projectId, result.version().commitId(), head));
        return moved;
    }

    /**
     * The document language and cover details of the project (the {@code document:} section of the latest
     * {@code project.yaml}); {@link DocumentInfo#DEFAULT} when it has none.
     */
    @PreAuthorize("@access.canReadDrafts()")
    @Transactional(readOnly = true)
    public DocumentInfo documentInfo(String projectId) {
        get(projectId);
        return storedDocument(projectId);
    }

    /**
     * Changes the document language and cover details: written to {@code project.yaml} as a new version by the
     * signed-in person. Codes are checked for their form (ICS {@code 35.030}, CCS {@code L80}, a four-digit year).
     *
     * @return the details as stored
     */
    @PreAuthorize("@access.canManageProjects()")
    public DocumentInfo changeDocumentInfo(String projectId, DocumentInfo info) {
        Project current = get(projectId);
        if (info == null) {
            throw new FieldProblemException("project.document-language", "validation.required");
        }
        check("project.ics", info.ics(), "[0-9]{2}(\\.[0-9]{3}(\\.[0-9]{2})?)?([;；,， ]+[0-9]{2}(\\.[0-9]{3}(\\.[0-9]{2})?)?)*",
                "project.ics.invalid");
        check("project.ccs", info.ccs(), "[A-Z][0-9]{2}([;；,， ]+[A-Z][0-9]{2})*", "project.ccs.invalid");
        check("project.year", info.year(), "(19|20)[0-9]{2}", "project.year.invalid");
        for (String[] field : new String[][] {{"project.plan-number", info.planNumber()},
                {"project.replaces", info.replaces()}}) {
            if (field[1].length() > CODE_MAX * 2) {
                throw new FieldProblemException(field[0], "validation.too-long", CODE_MAX * 2);
            }
        }
        for (String[] field : new String[][] {{"project.issuers-zh", info.issuersZh()},
                {"project.issuers-en", info.issuersEn()}}) {
            if (field[1].length() > TITLE_MAX) {
                throw new FieldProblemException(field[0], "validation.too-long", TITLE_MAX);
            }
        }
        if (info.releaseDate() != null && info.effectiveDate() != null
                && info.effectiveDate().isBefore(info.releaseDate())) {
            throw new FieldProblemException("project.effective-date", "project.effective-date.before-release");
        }
        if (info.equals(storedDocument(projectId))) {
            return info;
        }
        CurrentUser me = access.current();
        String head = store.head(projectId).orElseThrow();
        CommitResult result = store.commit(projectId, CommitRequest.onTopOf(head,
                Map.of(DraftStore.MANIFEST_FILE, manifest(current).withDocument(info).toYaml()), Versions.person(me),
                "Change the document details\n\n" + VersionNote.trailers("document-details", "", List.of())));
        events.publishEvent(new DraftVersionCommitted(projectId, result.version().commitId(), head));
        return info;
    }

    private DocumentInfo storedDocument(String projectId) {
        return store.readFile(projectId, HistoryQuery.MAIN, DraftStore.MANIFEST_FILE)
                .map(yaml -> ProjectManifest.fromYaml(yaml).document()).orElse(DocumentInfo.DEFAULT);
    }

    private static void check(String field, String value, String pattern, String problem) {
        if (!value.isEmpty() && !value.matches(pattern)) {
            throw new FieldProblemException(field, problem);
        }
    }

    static ProjectManifest manifest(Project p) {
        return new ProjectManifest(p.id(), p.code(), p.titleZh(), p.titleEn(), p.type(), p.workingGroup(),
                p.stage().key(), p.stageCode(), p.leadOrganisation());
    }

    static Project project(ProjectManifest m, Instant updatedAt) {
        return new Project(m.id(), m.code(), m.titleZh(), m.titleEn(), m.type(), m.workingGroup(),
                Stage.ofKey(m.stage()), m.stageCode(), m.leadOrganisation(), updatedAt);
    }

    private String uniqueId(String code) {
        String base = code.toLowerCase(Locale.ROOT).replace("/", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.length() < 2) {
            base = "project-" + base;
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        String id = base;
        for (int n = 2; projects.idExists(id) || store.projectExists(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new FieldProblemException(field, "validation.required");
        }
        if (value.trim().length() > max) {
            throw new FieldProblemException(field, "validation.too-long", max);
        }
        return value.trim();
    }

    /** The GB/T 1.1 skeleton of a new draft. */
    static String skeleton() {
        return """
                # 前言 {#foreword .unnumbered}

                本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

                请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

                # 范围 {#scope}

                本文件规定了……

                本文件适用于……

                # 规范性引用文件 {#normative-references}

                下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。

                # 术语和定义 {#terms}

                下列术语和定义适用于本文件。
                """;
    }

}
