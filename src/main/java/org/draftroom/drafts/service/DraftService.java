package org.draftroom.drafts.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.DraftVersionCommitted;
import org.draftroom.drafts.DraftVersionTagged;
import org.draftroom.drafts.WordCommentsImported;
import org.draftroom.drafts.imports.DocxImporter;
import org.draftroom.drafts.imports.WordImport;
import org.draftroom.drafts.imports.WordImportResult;
import org.draftroom.drafts.data.ProjectRepository;
import org.draftroom.drafts.domain.ClauseMatcher;
import org.draftroom.drafts.domain.ClauseMatching;
import org.draftroom.drafts.domain.ClauseMerge;
import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.DraftException;
import org.draftroom.drafts.domain.MarkdownNesting;
import org.draftroom.drafts.domain.DraftFormat;
import org.draftroom.drafts.domain.DraftImporter;
import org.draftroom.drafts.domain.DraftProblem;
import org.draftroom.drafts.domain.ImportOptions;
import org.draftroom.drafts.domain.ImportResult;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Outline;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.Redline;
import org.draftroom.drafts.domain.StructureChecks;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.storage.CommitRequest;
import org.draftroom.drafts.storage.CommitResult;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.FileVersions;
import org.draftroom.drafts.storage.HistoryQuery;
import org.draftroom.drafts.storage.Person;
import org.draftroom.drafts.storage.StaleVersionException;
import org.draftroom.security.Access;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The text of a project's draft: reading any version, saving a new one, history, milestone tags, redlines and
 * Markdown import. Reading needs {@link Access#canReadDrafts()}; saving and importing need the project's working
 * group ({@link Access#canEditProjectsOf}); tags need the secretariat.
 *
 * <p>Saves never overwrite each other: a save names the version it was based on. When someone saved in between, the
 * two edits are merged clause by clause ({@link ClauseMerge}); when they touched the same clause differently, the
 * save is refused with a {@link SaveConflictException} holding both texts, and nothing is written.
 */
@Service
@Transactional(readOnly = true)
public class DraftService {

    static final int MESSAGE_MAX = 2000;
    private static final int MERGE_ATTEMPTS = 5;

    private final ProjectService projects;
    private final ProjectRepository projectIndex;
    private final DraftStore store;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DraftService(ProjectService projects, ProjectRepository projectIndex, DraftStore store, Access access,
                 ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.projectIndex = projectIndex;
        this.store = store;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A version of a draft with its numbering and structure warnings.
     *
     * @param editable whether the signed-in person may save over this version (it is the latest and they may edit)
     * @param info     the project's document language and cover details; labels in the text follow its language
     */
    public record DraftSnapshot(Project project, VersionInfo version, DraftDocument document,
                                NumberedOutline outline, List<DraftProblem> problems, boolean editable,
                                DocumentInfo info) {

        /** A snapshot of a Chinese document without cover details. */
        public DraftSnapshot(Project project, VersionInfo version, DraftDocument document, NumberedOutline outline,
                             List<DraftProblem> problems, boolean editable) {
            this(project, version, document, outline, problems, editable, DocumentInfo.DEFAULT);
        }

        /** The language of the labels inside the document (注, 附录, 表 …), whatever the reader's interface. */
        public Language language() {
            return info.language();
        }
    }

    /** The outcome of a save: the version now current, and whether someone else's edits were merged in. */
    public record SaveResult(VersionInfo version, boolean changed, boolean merged, List<DraftProblem> problems) {
    }

    /** The two versions of a comparison and the clause-aware redline between them. */
    public record Comparison(VersionInfo from, VersionInfo to, Redline redline) {
    }

    /** Reads a version: {@code ref} is a tag, a commit id, or null/blank for the latest. */
    @PreAuthorize("@access.canReadDrafts()")
    public DraftSnapshot open(String projectId, String ref) {
        Project project = projects.get(projectId);
        VersionInfo version = version(projectId, ref);
        DraftDocument document = DraftFormat.parse(store.readBytes(projectId, version.commitId(), DraftStore.DRAFT_FILE)
                .orElse(new byte[0]));
        boolean latest = version.commitId().equals(store.head(projectId).orElse(""));
        return new DraftSnapshot(project, version, document, NumberedOutline.of(document),
                StructureChecks.check(document), latest && projects.canEdit(project), projects.documentInfo(projectId));
    }

    /** The language the project's document is written in: that of the labels inside it, on screen and in files. */
    @PreAuthorize("@access.canReadDrafts()")
    public Language documentLanguage(String projectId) {
        return projects.documentInfo(projectId).language();
    }

    /** The raw {@code draft.md} of a version, exactly as stored. */
    @PreAuthorize("@access.canReadDrafts()")
    public byte[] rawDraft(String projectId, String ref) {
        projects.get(projectId);
        return store.readBytes(projectId, version(projectId, ref).commitId(), DraftStore.DRAFT_FILE)
                .orElse(new byte[0]);
    }

    /**
     * Saves the draft text as a new version authored by the signed-in person.
     *
     * @param baseCommitId the version the editor started from
     * @throws SaveConflictException when someone else changed the same clauses since; nothing is written
     */
    @PreAuthorize("@access.canReadDrafts()")
    @Transactional
    public SaveResult save(String projectId, String baseCommitId, String text, String message) {
        return save(projectId, baseCommitId, text, message, Map.of());
    }

    private SaveResult save(String projectId, String baseCommitId, String text, String message,
                            Map<String, byte[]> figures) {
        Project project = requireEditable(projectId);
        String why = message == null ? "" : message.trim();
        if (why.isEmpty()) {
            throw new UserFacingException("draft.save.message-required");
        }
        if (why.length() > MESSAGE_MAX) {
            throw new UserFacingException("validation.too-long", MESSAGE_MAX);
        }
        if (MarkdownNesting.of(text) > MarkdownNesting.MAX) {
            throw new UserFacingException("draft.save.too-deep", MarkdownNesting.MAX);
        }
        DraftDocument ours = DraftFormat.parse(text);
        String base = baseCommitId;
        boolean merged = false;
        for (int attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
            try {
                CommitResult result = store.commit(projectId, CommitRequest.onTopOf(base,
                        Map.of(DraftStore.DRAFT_FILE, ours.text()), Versions.person(access.current()), why)
                        .withBinaryFiles(figures));
                if (result.created()) {
                    projectIndex.touch(project.id(), clock.instant());
                    events.publishEvent(new DraftVersionCommitted(projectId, result.version().commitId(), base));
                }
                return new SaveResult(Versions.info(result.version()), result.created(), merged,
                        StructureChecks.check(ours));
            } catch (StaleVersionException moved) {
                String head = moved.actualHeadId();
                DraftDocument baseDocument = read(projectId, base);
                DraftDocument theirs = read(projectId, head);
                ClauseMerge.Result merge = ClauseMerge.merge(baseDocument, ours, theirs);
                if (!merge.clean()) {
                    throw new SaveConflictException(head, merge.conflicts());
                }
                ours = merge.merged().orElseThrow();
                base = head;
                merged = true;
            }
        }
        throw new UserFacingException("draft.save.busy");
    }

    /** A person named in a version: its author or a co-author. */
    public record Contributor(String name, String email) {
    }

    /**
     * A clause's text as it was co-edited live: {@code text} is written over the clause's body in the latest version
     * when that body is one of {@code over} (compared without the line ending the draft format adds when another
     * clause follows), the texts the live edits started from. Data only: what a live edit may do to a draft is this
     * replacement, checked against the text it was made on; carrying edits onto a body someone changed meanwhile
     * stays with the caller, who is told that body ({@link LiveCommit.Moved}).
     */
    public record LiveEdit(String clauseId, List<String> over, String text) {
        public LiveEdit {
            over = List.copyOf(over);
        }
    }

    /** What {@link #commitLiveEdits} did. */
    public sealed interface LiveCommit {

        /** A new version holds the edits. */
        record Committed(VersionInfo version) implements LiveCommit {
        }

        /** The latest version already holds every edit (or none of its clauses is in the draft any more). */
        record Unchanged() implements LiveCommit {
        }

        /**
         * Nothing written: these clauses' bodies in the latest version (by clause id) are none of the texts the
         * edits were made on; carry the edits onto them and try again.
         */
        record Moved(Map<String, String> bodies) implements LiveCommit {
        }
    }

    /**
     * Writes clause texts that were co-edited live as a new version on top of the latest one (a checkpoint): each
     * {@link LiveEdit}'s text replaces its clause's body when the latest version still holds one of the texts the edit
     * was made on; clauses no longer in the draft are skipped. When one of them holds something else (someone saved in
     * between), nothing is written and the answer names those bodies, so nothing is overwritten. Publishes
     * {@link DraftVersionCommitted}.
     *
     * <p>No access check of its own: the editing module calls it for text whose every edit it has checked as coming
     * from an editor of the project (also from background threads, with nobody signed in).
     */
    @Transactional
    public LiveCommit commitLiveEdits(String projectId, List<LiveEdit> edits, Contributor author,
                                      List<Contributor> coAuthors, String message) {
        Project project = projectIndex.findById(projectId)
                .orElseThrow(() -> new UserFacingException("project.not-found", projectId));
        for (int attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
            String head = store.head(projectId).orElseThrow();
            DraftDocument before = read(projectId, head);
            DraftDocument after = before;
            Map<String, String> moved = new LinkedHashMap<>();
            for (LiveEdit edit : edits) {
                var clause = after.find(edit.clauseId());
                if (clause.isEmpty()) {
                    continue;
                }
                String current = clause.get().body();
                if (!sameBody(edit.text(), current) && edit.over().stream().noneMatch(t -> sameBody(t, current))) {
                    moved.put(edit.clauseId(), current);
                    continue;
                }
                String body = flattenDeepNesting(edit.text());
                if (!body.equals(current)) {
                    try {
                        after = Outline.replaceBody(after, edit.clauseId(), body);
                    } catch (DraftException headingTyped) {
                        // Someone typed a heading line into the text: keep it as text, never lose it.
                        after = Outline.replaceBody(after, edit.clauseId(), escapeHeadings(body));
                    }
                }
            }
            if (!moved.isEmpty()) {
                return new LiveCommit.Moved(moved);
            }
            if (after.text().equals(before.text())) {
                return new LiveCommit.Unchanged();
            }
            try {
                CommitResult result = store.commit(projectId, CommitRequest.onTopOf(head,
                        Map.of(DraftStore.DRAFT_FILE, after.text()), person(author), message)
                        .withCoAuthors(coAuthors.stream().map(DraftService::person).toList()));
                if (!result.created()) {
                    return new LiveCommit.Unchanged();
                }
                projectIndex.touch(project.id(), clock.instant());
                events.publishEvent(new DraftVersionCommitted(projectId, result.version().commitId(), head));
                return new LiveCommit.Committed(Versions.info(result.version()));
            } catch (StaleVersionException movedOn) {
                // someone saved in between: check the edits again against the new head
            }
        }
        throw new UserFacingException("draft.save.busy");
    }

    /**
     * Whether a clause body stored in a draft is {@code text}: equal, or equal but for the line ending the draft
     * format adds when another clause follows.
     */
    static boolean sameBody(String text, String stored) {
        return stored.equals(text) || stored.length() == text.length() + 1 && stored.startsWith(text)
                && stored.endsWith("\n") || stored.length() == text.length() + 2 && stored.startsWith(text)
                && stored.endsWith("\r\n");
    }

    /**
     * A body nested deeper than {@link MarkdownNesting#MAX} levels (typed or pasted live, where every keystroke is
     * already acknowledged) is kept whole as a fenced code block: never lost, and flat for every renderer.
     */
    static String flattenDeepNesting(String body) {
        if (MarkdownNesting.of(body) <= MarkdownNesting.MAX) {
            return body;
        }
        int longest = 0;
        var backticks = java.util.regex.Pattern.compile("`+").matcher(body);
        while (backticks.find()) {
            longest = Math.max(longest, backticks.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + body.stripTrailing() + "\n" + fence + "\n";
    }

    /** Escapes lines that Markdown would read as headings ({@code # x} becomes {@code \\# x}). */
    static String escapeHeadings(String body) {
        return body.replaceAll("(?m)^( {0,3})(#{1,6})(?=[ \\t]|$)", "$1\\\\$2");
    }

    private static Person person(Contributor c) {
        String name = c.name().replace('<', '‹').replace('>', '›').replaceAll("[\\r\\n]+", " ").trim();
        return new Person(name.isEmpty() ? c.email() : name, c.email());
    }

    /**
     * Saves an uploaded Markdown file as the project's next version, its clauses matched to the latest version's
     * ({@link ClauseMatcher}) so that they keep their ids. Problems of the file (invalid UTF-8, size, duplicate ids,
     * unknown attributes, broken cross-references) refuse it with every problem listed.
     */
    @PreAuthorize("@access.canReadDrafts()")
    @Transactional
    public SaveResult importVersion(String projectId, byte[] markdown, String message) {
        return importVersion(previewVersion(projectId, markdown, ImportOptions.DEFAULT), message);
    }

    /**
     * An uploaded version matched against the latest version, not yet saved: what the editor checks (and corrects)
     * before saving.
     *
     * @param projectId    the project
     * @param baseCommitId the version it was matched against, and that a save will be based on
     * @param upload       the upload as the importer read it, with its provisional ids and typed-number findings
     * @param matching     the pairing of its clauses with the base version's, and the document to be saved
     */
    public record ImportPreview(String projectId, String baseCommitId, ImportResult.Accepted upload,
                                ClauseMatching matching) {
    }

    /** Reads an uploaded Markdown file and matches it against the latest version. Writes nothing. */
    @PreAuthorize("@access.canReadDrafts()")
    public ImportPreview previewVersion(String projectId, byte[] markdown, ImportOptions options) {
        requireEditable(projectId);
        ImportResult result = DraftImporter.importMarkdown(markdown, options.forNewVersion());
        if (result instanceof ImportResult.Rejected rejected) {
            throw new ImportRejectedException(rejected.problems());
        }
        return previewVersion(projectId, (ImportResult.Accepted) result);
    }

    /**
     * Matches an upload read from any format (Markdown, Word ...) against the latest version. The upload's
     * {@link ImportResult.Accepted#generatedIds() generated ids} are provisional; ids written in the file are kept
     * where the latest version has them. Read the upload with {@link ImportOptions#forNewVersion()}: its
     * cross-references are checked here, once matched clauses have their ids. Writes nothing.
     */
    @PreAuthorize("@access.canReadDrafts()")
    public ImportPreview previewVersion(String projectId, ImportResult.Accepted upload) {
        requireEditable(projectId);
        String head = store.head(projectId).orElseThrow();
        return checked(new ImportPreview(projectId, head, upload,
                ClauseMatcher.match(read(projectId, head), upload.document(), upload.generatedIds())));
    }

    /** Refuses a preview whose cross-references do not resolve once its clauses have their ids. */
    private static ImportPreview checked(ImportPreview preview) {
        List<DraftProblem> broken = StructureChecks.brokenReferences(
                NumberedOutline.of(preview.matching().document()));
        if (!broken.isEmpty()) {
            throw new ImportRejectedException(broken);
        }
        return preview;
    }

    /**
     * The preview with a person's corrections: position of a new clause → id of the old clause it is, or the empty
     * string for a new clause. Positions not mentioned are matched again around the corrections.
     */
    @PreAuthorize("@access.canReadDrafts()")
    public ImportPreview correct(ImportPreview preview, Map<Integer, String> corrections) {
        requireEditable(preview.projectId());
        return checked(new ImportPreview(preview.projectId(), preview.baseCommitId(), preview.upload(),
                ClauseMatcher.match(read(preview.projectId(), preview.baseCommitId()), preview.upload().document(),
                        preview.upload().generatedIds(), corrections)));
    }

    /**
     * Saves a previewed upload as the next version. When someone saved since the preview was made, the two are
     * merged clause by clause as any save is.
     */
    @PreAuthorize("@access.canReadDrafts()")
    @Transactional
    public SaveResult importVersion(ImportPreview preview, String message) {
        requireEditable(preview.projectId());
        return save(preview.projectId(), preview.baseCommitId(), preview.matching().document().text(), message);
    }

    /**
     * Reads an uploaded Word file for the preview; nothing is written. Tracked changes are taken as {@code mode}
     * says (all accepted, or the document as before them).
     *
     * @throws ImportRejectedException listing why the file cannot be imported (not Word, encrypted, too large ...)
     */
    public static WordImport readWord(byte[] docx, DocxImporter.TrackedChanges mode) {
        WordImportResult result = DocxImporter.read(docx, mode);
        if (result instanceof WordImportResult.Rejected rejected) {
            throw new ImportRejectedException(rejected.problems());
        }
        return ((WordImportResult.Accepted) result).result();
    }

    /**
     * Saves a Word file read by {@link #readWord} as the project's next version, its figures with it; the Word
     * comments become draft comments by the signed-in person ({@link WordCommentsImported}).
     */
    @PreAuthorize("@access.canReadDrafts()")
    @Transactional
    public SaveResult importWordVersion(String projectId, WordImport word, String message) {
        requireEditable(projectId);
        String head = store.head(projectId).orElseThrow();
        SaveResult saved = save(projectId, head, matchedWordText(read(projectId, head), word.document()), message,
                word.figures());
        publishComments(events, projectId, saved.version().commitId(), word);
        return saved;
    }

    /**
     * The Word document's text with its clauses matched to the previous version's, as a Markdown upload is
     * ({@link ClauseMatcher}): ids carried by our own export's bookmarks stay; when most clauses carry none (a file
     * written elsewhere), every id is provisional and clauses keep the identity the matching finds. Cross-references
     * follow the renamed clauses.
     */
    static String matchedWordText(DraftDocument previous, DraftDocument incoming) {
        ClauseMatching matching = wordMatching(previous, incoming);
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        List<org.draftroom.drafts.domain.Clause> before = incoming.clauses();
        List<org.draftroom.drafts.domain.Clause> after = matching.document().clauses();
        for (int i = 0; i < before.size() && i < after.size(); i++) {
            if (!before.get(i).id().equals(after.get(i).id())) {
                renamed.put(before.get(i).id(), after.get(i).id());
            }
        }
        String text = matching.document().text();
        if (renamed.isEmpty()) {
            return text;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\(#([^)\\s]+)\\)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String target = renamed.getOrDefault(m.group(1), m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("](#" + target + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The Word document's clauses matched to the previous version's ({@link ClauseMatcher}): ids carried by our own
     * export's bookmarks stay; when most clauses carry none (a file written elsewhere), every id is provisional.
     */
    static ClauseMatching wordMatching(DraftDocument previous, DraftDocument incoming) {
        java.util.Set<String> oldIds = new java.util.HashSet<>();
        previous.clauses().forEach(c -> oldIds.add(c.id()));
        java.util.Set<String> incomingIds = new java.util.LinkedHashSet<>();
        incoming.clauses().forEach(c -> incomingIds.add(c.id()));
        long carried = incomingIds.stream().filter(oldIds::contains).count();
        java.util.Set<String> provisional = new java.util.HashSet<>(incomingIds);
        if (carried * 2 >= incomingIds.size()) {
            provisional.removeAll(oldIds);
        }
        return ClauseMatcher.match(previous, incoming, provisional);
    }

    /**
     * A Word file read by {@link #readWord} matched against the latest version, as {@link #previewVersion} does for
     * Markdown: what the editor (or a script, with {@code dryRun}) checks before {@link #importWordVersion}. Writes
     * nothing.
     */
    @PreAuthorize("@access.canReadDrafts()")
    public ImportPreview previewWordVersion(String projectId, WordImport word) {
        requireEditable(projectId);
        String head = store.head(projectId).orElseThrow();
        return new ImportPreview(projectId, head, new ImportResult.Accepted(word.document(), word.warnings()),
                wordMatching(read(projectId, head), word.document()));
    }

    /** Announces the comments of an imported Word file on a version. */
    public static void publishComments(ApplicationEventPublisher events, String projectId, String commitId,
                                       WordImport word) {
        if (word.comments().isEmpty()) {
            return;
        }
        events.publishEvent(new WordCommentsImported(projectId, commitId, word.comments().stream()
                .map(c -> new WordCommentsImported.WordComment(c.clauseId(), c.quote(), c.author(), c.text()))
                .toList()));
    }

    /** Checks an uploaded Markdown file; the accepted document, or a refusal listing its problems. */
    public static DraftDocument accepted(byte[] markdown) {
        ImportResult result = DraftImporter.importMarkdown(markdown);
        if (result instanceof ImportResult.Rejected rejected) {
            throw new ImportRejectedException(rejected.problems());
        }
        return ((ImportResult.Accepted) result).document();
    }

    /** Versions of the draft, newest first. */
    @PreAuthorize("@access.canReadDrafts()")
    public List<VersionInfo> history(String projectId, int offset, int limit) {
        projects.get(projectId);
        if (store.head(projectId).isEmpty()) {
            return List.of();
        }
        return store.history(projectId, HistoryQuery.page(offset, limit)).stream().map(Versions::info).toList();
    }

    /** Marks a version as a milestone with an annotated tag ({@code wd-2}, {@code cd-1}). */
    @PreAuthorize("@access.canManageProjects()")
    @Transactional
    public VersionInfo tag(String projectId, String ref, String tagName, String message) {
        projects.get(projectId);
        String name = tagName == null ? "" : tagName.trim();
        String why = message == null || message.isBlank() ? name : message.trim();
        String commit = store.resolve(projectId, ref);
        store.createTag(projectId, name, commit, Versions.person(access.current()), why);
        events.publishEvent(new DraftVersionTagged(projectId, name, commit));
        return version(projectId, commit);
    }

    /** The clause-aware redline from one version to another. */
    @PreAuthorize("@access.canReadDrafts()")
    public Comparison compare(String projectId, String fromRef, String toRef) {
        projects.get(projectId);
        VersionInfo from = version(projectId, fromRef);
        VersionInfo to = version(projectId, toRef);
        FileVersions files = store.readFileAtTwoVersions(projectId, DraftStore.DRAFT_FILE, from.commitId(),
                to.commitId());
        return new Comparison(from, to, Redline.compare(DraftFormat.parse(files.oldText()),
                DraftFormat.parse(files.newText())));
    }

    private VersionInfo version(String projectId, String ref) {
        String target = ref == null || ref.isBlank() ? HistoryQuery.MAIN : ref.trim();
        return Versions.info(store.history(projectId, HistoryQuery.page(0, 1).from(target)).get(0));
    }

    private DraftDocument read(String projectId, String commitId) {
        return DraftFormat.parse(store.readBytes(projectId, commitId, DraftStore.DRAFT_FILE).orElse(new byte[0]));
    }

    private Project requireEditable(String projectId) {
        Project project = projects.get(projectId);
        if (!projects.canEdit(project)) {
            throw new AccessDeniedException("not an editor of " + project.workingGroup());
        }
        return project;
    }
}
