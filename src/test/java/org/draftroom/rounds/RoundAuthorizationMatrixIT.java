package org.draftroom.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.draftroom.rounds.RoundAuthorizationMatrixIT.Outcome.DENIED;
import static org.draftroom.rounds.RoundAuthorizationMatrixIT.Outcome.HIDDEN;
import static org.draftroom.rounds.RoundAuthorizationMatrixIT.Outcome.OK;
import static org.draftroom.rounds.RoundAuthorizationMatrixIT.Outcome.SIGN_IN;
import static org.draftroom.rounds.RoundAuthorizationMatrixIT.Outcome.refused;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.draftroom.IntegrationTest;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.export.RoundExportService;
import org.draftroom.export.RoundExportService.TableFormat;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RegistrationService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.rounds.service.SubmissionService;
import org.draftroom.rounds.service.SheetService;
import org.draftroom.security.Memberships;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.MembershipService;
import org.draftroom.security.SignedIn;
import org.draftroom.sheets.IsoTemplateWriter;
import org.draftroom.sheets.SheetRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who may do what in a consultation round, asked of the services themselves (they are the security boundary): every
 * operation a person can trigger in {@link RoundService}, {@link RoundLifecycleService}, {@link SubmissionService},
 * {@link DispositionService}, {@link SheetService}, {@link RoundExportService}, {@link RegistrationService} and the
 * round part of {@link CommentService}, for every role.
 * Each cell is one dynamic test named "role · operation → outcome", so the report reads as the matrix; the table
 * below is the same matrix as {@code docs/rounds.md} ("Who may do what").
 *
 * <p>One WG7 project and four rounds are set up once: an open round and a closed and a published one, each invited to
 * CN-ABC (reviewer1) and CN-BCL (a self-registered "peer" reviewer who writes the other organisation's comments), and
 * a scheduled one; reviewer2 (CN-XYZ) is outside every audience. Operations that change a round's state (open,
 * extend, close, publish, submit, ...) run on a fresh round made for the cell, so cells never depend on each other.
 * The state-dependent rules (late comments, final submissions, visibility, publication) are sequences in
 * {@link #states()}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundAuthorizationMatrixIT {

    private static final String SAMPLE = "gbt-35273";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 10_000));

    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired SubmissionService roundSubmissions;
    @Autowired DispositionService dispositions;
    @Autowired SheetService sheets;
    @Autowired RoundExportService exports;
    @Autowired RegistrationService registrations;
    @Autowired CommentService comments;
    @Autowired CommentReader commentReader;
    @Autowired RoundRepository repository;
    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired UserDetailsService users;
    @Autowired DirectoryService directory;
    @Autowired MembershipService memberships;

    /** The roles, in the order of the table's columns. */
    enum Who {
        ANONYMOUS("anonymous", null),
        REVIEWER_IN("reviewer in audience", "reviewer1"),
        REVIEWER_OUT("reviewer outside audience", "reviewer2"),
        EDITOR("editor of the project's group", "editor2"),
        OTHER_EDITOR("editor of another group", "editor1"),
        SECRETARIAT("secretariat", "secretariat"),
        ADMIN("admin", "admin");

        final String label;
        final String username;

        Who(String label, String username) {
            this.label = label;
            this.username = username;
        }
    }

    /** What a cell expects: allowed, or the refusal the services use. */
    record Outcome(String label, Predicate<Throwable> matches) {
        static final Outcome OK = new Outcome("allowed", e -> e == null);
        /** Allowed, but the thing asked about is not among the results (a list without it). */
        static final Outcome HIDDEN = new Outcome("not shown", e -> e instanceof NotShown);
        /** Method security refuses nobody signed in: "credentials not found" where the rule reads the
         * authentication ({@code isAuthenticated()}), "access denied" where it asks the {@code access} bean. */
        static final Outcome SIGN_IN = new Outcome("refused (not signed in)",
                e -> e instanceof AuthenticationCredentialsNotFoundException || e instanceof AccessDeniedException);
        static final Outcome DENIED = new Outcome("refused (access denied)", e -> e instanceof AccessDeniedException);

        static Outcome refused(String key) {
            return new Outcome("refused (" + key + ")",
                    e -> e instanceof UserFacingException u && u.messageKey().equals(key));
        }
    }

    static final Outcome NOT_FOUND = refused("round.not-found");
    static final Outcome NOT_AUDIENCE = refused("round.write.not-audience");
    static final Outcome NOT_PUBLISHED = refused("dispositions.not-published");

    /** Thrown by an operation whose result does not show what it looks for. */
    static final class NotShown extends RuntimeException {
        NotShown(String what) {
            super(what);
        }
    }

    interface Action {
        Object run(Object prepared) throws Exception;
    }

    /** A row of the matrix: the operation, what it needs made first (a fresh round, ...), and one outcome per role. */
    record Row(String operation, Supplier<Object> prepare, Action action, Outcome[] expected) {
    }

    // ---- the fixture ------------------------------------------------------------------------------------------------

    private String project;
    private long abc;
    private long bcl;
    private String peer;
    /** A second reviewer of CN-ABC, and a self-registered reviewer of a new organisation (public rounds only). */
    private String colleague;
    private String member;
    private long editor2;
    private Round open;
    private Round scheduled;
    private Round closed;
    private Round published;
    private Comment ownOpen;
    private Comment peerOpen;
    private Comment ownClosed;
    private Comment peerClosed;
    private Comment ownPublished;
    private Comment peerPublished;

    @BeforeAll
    void fixture() {
        int n = SEQUENCE.incrementAndGet();
        SignedIn.as(users, "secretariat");
        project = projects.create(new ProjectForm("GB/T M" + n, "权限矩阵测试", "Authorization matrix",
                DocumentType.GB_T, "WG7", Stage.CONSULTATION, "30.20", "CN-BCL"),
                drafts.open(SAMPLE, "cd-1").document()).id();
        abc = repository.organisationByCode("CN-ABC").orElseThrow().id();
        bcl = repository.organisationByCode("CN-BCL").orElseThrow().id();
        SignedIn.nobody();
        peer = "matrix-peer-" + n + "-" + System.nanoTime() % 100_000;
        registrations.register("192.0.2.1", "Peer reviewer", peer + "@example.org", peer, "Peer-matrix-2026!");
        Memberships.join(users, directory, memberships, peer, "CN-BCL");
        colleague = "matrix-colleague-" + n + "-" + System.nanoTime() % 100_000;
        registrations.register("192.0.2.2", "Colleague of reviewer1", colleague + "@example.org", colleague,
                "Colleague-matrix-2026!");
        Memberships.join(users, directory, memberships, colleague, "CN-ABC");
        member = "matrix-public-" + n + "-" + System.nanoTime() % 100_000;
        registrations.register("192.0.2.3", "Member of the public", member + "@example.org", member,
                "Public-matrix-2026!");

        open = freshOpen();
        ownOpen = comment("reviewer1", open, "CN-ABC comment in the open round");
        peerOpen = comment(peer, open, "CN-BCL comment in the open round, secret to CN-ABC");

        scheduled = schedule(Instant.now().plus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(20)));

        closed = freshOpen();
        ownClosed = comment("reviewer1", closed, "CN-ABC comment in the closed round");
        peerClosed = comment(peer, closed, "CN-BCL comment in the closed round");
        close(closed);
        decide(ownClosed, peerClosed);

        published = freshOpen();
        ownPublished = comment("reviewer1", published, "CN-ABC comment in the published round");
        peerPublished = comment(peer, published, "CN-BCL comment in the published round");
        close(published);
        decide(ownPublished, peerPublished);
        as("secretariat");
        dispositions.publish(published.id());
        editor2 = dispositions.assignees(closed.id()).stream().filter(e -> e.getValue().contains("刘洋"))
                .findFirst().orElseThrow().getKey();
        SignedIn.nobody();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private void as(String username) {
        if (username == null) {
            SignedIn.nobody();
        } else {
            SignedIn.as(users, username);
        }
    }

    private Round schedule(Instant opens, Instant closes) {
        as("secretariat");
        Round round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, opens, closes,
                "Matrix round", Audience.INVITED, Set.of(abc, bcl), true));
        SignedIn.nobody();
        return round;
    }

    private Round freshOpen() {
        return schedule(null, Instant.now().plus(Duration.ofDays(30)));
    }

    private Round freshScheduled() {
        return schedule(Instant.now().plus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(20)));
    }

    private Round close(Round round) {
        as("secretariat");
        Round closedNow = roundLifecycle.closeEarly(round.id(), "Closed for the matrix");
        SignedIn.nobody();
        return closedNow;
    }

    private Round freshClosed() {
        return close(freshOpen());
    }

    /** A fresh open round whose CN-ABC comments reviewer1 submitted. */
    private Round freshSubmitted() {
        Round round = freshOpen();
        comment("reviewer1", round, "Submitted comment");
        as("reviewer1");
        roundSubmissions.submit(round.id());
        SignedIn.nobody();
        return round;
    }

    private Comment comment(String username, Round round, String body) {
        as(username);
        Comment c = comments.create(project, null, new CommentForm(round.id(), CommentType.TE, "c-minimisation", 0, 0,
                "", body, "Proposed change: " + body));
        SignedIn.nobody();
        return c;
    }

    private void decide(Comment... decided) {
        as("secretariat");
        for (Comment c : decided) {
            dispositions.record(c.id(), Disposition.ACCEPTED, "", null);
        }
        SignedIn.nobody();
    }

    private static byte[] sheet(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoTemplateWriter.write(List.of(new SheetRow(1, "CN-ABC", "5.2", "", "te", text, "", "")), out);
        return out.toByteArray();
    }

    private SheetPreview previewAsSecretariat() {
        try {
            as("secretariat");
            SheetPreview preview = sheets.preview(open.id(), "matrix.docx",
                    sheet("Imported row " + SEQUENCE.incrementAndGet() + " " + System.nanoTime()));
            assertThat(preview.importable()).as("the sheet has no problems").isTrue();
            return preview;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SignedIn.nobody();
        }
    }

    private List<PlacedComment> roundComments(Round round) {
        return commentReader.find(project, round.commitId(), CommentFilter.all().withRoundId(round.id())
                .withTypes(Set.of(CommentType.values())), 0, 500);
    }

    private static Object shows(List<?> list, Predicate<Object> what, String description) {
        if (list.stream().noneMatch(what)) {
            throw new NotShown(description);
        }
        return list;
    }

    // ---- the matrix -------------------------------------------------------------------------------------------------

    private static Row row(String operation, Action action, Outcome... expected) {
        return row(operation, null, action, expected);
    }

    private static Row row(String operation, Supplier<Object> prepare, Action action, Outcome... expected) {
        assertThat(expected).as(operation).hasSize(Who.values().length);
        return new Row(operation, prepare, action, expected);
    }

    /** The matrix. Columns: anonymous, reviewer in audience, reviewer outside audience, editor of the project's group,
     * editor of another group, secretariat, admin. */
    private List<Row> matrix() {
        List<Row> rows = new ArrayList<>();
        // ---- seeing rounds ----
        rows.add(row("list the project's rounds", x -> rounds.rounds(project),
                SIGN_IN, DENIED, DENIED, OK, OK, OK, OK));
        rows.add(row("see the open round among my rounds", x -> shows(rounds.visibleRounds(),
                        r -> ((Round) r).id() == open.id(), "the open round"),
                SIGN_IN, OK, HIDDEN, OK, HIDDEN, OK, OK));
        rows.add(row("see the scheduled round among my rounds", x -> shows(rounds.visibleRounds(),
                        r -> ((Round) r).id() == scheduled.id(), "the scheduled round"),
                SIGN_IN, HIDDEN, HIDDEN, OK, HIDDEN, OK, OK));
        rows.add(row("get the open round", x -> rounds.get(open.id()),
                SIGN_IN, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        rows.add(row("get the scheduled round", x -> rounds.get(scheduled.id()),
                SIGN_IN, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        rows.add(row("read the frozen draft", x -> rounds.frozenDraft(open.id()).outline(),
                SIGN_IN, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        rows.add(row("read the round's history", x -> rounds.changes(open.id()),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, OK));
        rows.add(row("list the submissions", x -> roundSubmissions.submissions(open.id()),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, OK));
        rows.add(row("see own organisation's submission", x -> roundSubmissions.mySubmission(open.id()),
                SIGN_IN, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        // ---- the secretariat's changes (each allowed cell on a fresh round) ----
        rows.add(row("schedule a round", x -> roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null,
                        null, Instant.now().plus(Duration.ofDays(30)), "", Audience.PUBLIC, Set.of(), true)),
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, OK, DENIED));
        rows.add(row("open a scheduled round now", this::freshScheduled,
                x -> roundLifecycle.openNow(((Round) x).id(), "Opened early for the matrix"),
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, OK, DENIED));
        rows.add(row("extend the round", this::freshOpen, x -> roundLifecycle.extend(((Round) x).id(),
                        ((Round) x).closesAt().plus(Duration.ofDays(7)), "More time for the matrix"),
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, OK, DENIED));
        rows.add(row("close the round early", this::freshOpen,
                x -> roundLifecycle.closeEarly(((Round) x).id(), "Closed early for the matrix"),
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, OK, DENIED));
        rows.add(row("change who sees whose comments", this::freshOpen,
                x -> roundLifecycle.setOwnOrganisationOnly(((Round) x).id(), false, "Open discussion for the matrix"),
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, OK, DENIED));
        rows.add(row("accept late comments of an organisation", this::freshClosed,
                x -> { roundLifecycle.allowLateComments(((Round) x).id(), abc, Instant.now().plus(Duration.ofDays(3)),
                        "Letter received"); return null; },
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, OK, DENIED));
        rows.add(row("submit own organisation's comments", this::freshOpen, x -> roundSubmissions.submit(((Round) x).id()),
                SIGN_IN, OK, NOT_AUDIENCE, NOT_AUDIENCE, NOT_AUDIENCE, NOT_AUDIENCE, NOT_AUDIENCE));
        rows.add(row("reopen an organisation's submission", this::freshSubmitted,
                x -> { roundSubmissions.reopenSubmission(((Round) x).id(), abc, "Asked by CN-ABC"); return null; },
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, OK, DENIED));
        // ---- comments of the open round ----
        rows.add(row("comment in the open round", x -> comments.create(project, null, new CommentForm(open.id(),
                        CommentType.ED, "", 0, 0, "", "A general remark", "")),
                SIGN_IN, OK, NOT_AUDIENCE, NOT_AUDIENCE, NOT_AUDIENCE, OK, NOT_AUDIENCE));
        rows.add(row("edit own organisation's comment", x -> comments.edit(ownOpen.id(), CommentType.TE,
                        "Edited " + System.nanoTime(), ""),
                SIGN_IN, OK, DENIED, DENIED, DENIED, DENIED, DENIED));
        rows.add(row("edit another organisation's comment", x -> comments.edit(peerOpen.id(), CommentType.TE,
                        "Hijacked " + System.nanoTime(), ""),
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED));
        rows.add(row("resolve own organisation's comment", () -> comment("reviewer1", open, "To be resolved"),
                x -> comments.resolve(((Comment) x).id(), "Settled"),
                SIGN_IN, OK, DENIED, OK, DENIED, OK, DENIED));
        rows.add(row("read own organisation's comment", x -> commentReader.get(ownOpen.id()),
                SIGN_IN, OK, DENIED, OK, DENIED, OK, OK));
        rows.add(row("read another organisation's comment before publication", x -> commentReader.get(peerOpen.id()),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, OK));
        rows.add(row("read the thread of another organisation's comment before publication",
                x -> commentReader.replies(peerOpen.id()),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, OK));
        rows.add(row("reply to own organisation's comment", x -> comments.reply(ownOpen.id(), "A reply"),
                SIGN_IN, OK, DENIED, OK, DENIED, OK, OK));
        rows.add(row("list the open round's comments", x -> roundComments(open),
                SIGN_IN, OK, DENIED, OK, DENIED, OK, OK));
        rows.add(row("see another organisation's comment in the list before publication",
                x -> shows(roundComments(open), p -> ((PlacedComment) p).comment().id() == peerOpen.id(),
                        "CN-BCL's comment"),
                SIGN_IN, HIDDEN, DENIED, OK, DENIED, OK, OK));
        rows.add(row("read another organisation's comment after publication",
                x -> commentReader.get(peerPublished.id()),
                SIGN_IN, OK, DENIED, OK, DENIED, OK, OK));
        rows.add(row("see another organisation's comment in the list after publication",
                x -> shows(roundComments(published), p -> ((PlacedComment) p).comment().id() == peerPublished.id(),
                        "CN-BCL's comment"),
                SIGN_IN, OK, DENIED, OK, DENIED, OK, OK));
        // ---- sheets ----
        rows.add(row("preview a comment sheet", x -> sheets.preview(open.id(), "matrix.docx", sheet("Preview only")),
                SIGN_IN, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        rows.add(row("import a comment sheet", this::previewAsSecretariat,
                x -> sheets.importSheet(open.id(), (SheetPreview) x),
                SIGN_IN, OK, NOT_FOUND, NOT_AUDIENCE, NOT_FOUND, OK, NOT_AUDIENCE));
        rows.add(row("download own organisation's sheet", x -> sheets.organisationSheet(open.id()),
                SIGN_IN, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        // ---- dispositions (the closed round, decided in the fixture; the published one) ----
        rows.add(row("dashboard", x -> dispositions.statistics(closed.id()),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, OK));
        rows.add(row("merged grid rows before publication", x -> dispositions.rows(closed.id()),
                SIGN_IN, NOT_PUBLISHED, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        rows.add(row("merged grid rows after publication", x -> dispositions.rows(published.id()),
                SIGN_IN, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        rows.add(row("list the editors comments can be assigned to", x -> dispositions.assignees(closed.id()),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, OK));
        rows.add(row("assign a comment", x -> dispositions.assign(peerClosed.id(), editor2),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, DENIED));
        rows.add(row("group duplicates", x -> dispositions.groupDuplicates(closed.id(),
                        List.of(ownClosed.id(), peerClosed.id())),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, DENIED));
        rows.add(row("record a disposition", x -> dispositions.record(peerClosed.id(), Disposition.NOTED,
                        "Noted for the next edition", null),
                SIGN_IN, DENIED, DENIED, OK, DENIED, OK, DENIED));
        rows.add(row("publish the dispositions", this::freshClosed, x -> {
                    dispositions.publish(((Round) x).id());
                    return null;
                },
                SIGN_IN, DENIED, DENIED, DENIED, DENIED, OK, DENIED));
        rows.add(row("mark satisfaction with own organisation's disposition",
                x -> dispositions.markSatisfaction(ownPublished.id(), true, "Thanks"),
                SIGN_IN, OK, DENIED, DENIED, DENIED, DENIED, DENIED));
        // ---- exports ----
        rows.add(row("export the disposition table before publication",
                x -> exports.dispositionTable(closed.id(), TableFormat.XLSX, Locale.ENGLISH),
                SIGN_IN, NOT_PUBLISHED, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        rows.add(row("export the disposition table after publication",
                x -> exports.dispositionTable(published.id(), TableFormat.CN_DOCX, Locale.ENGLISH),
                SIGN_IN, OK, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        rows.add(row("download the submission package",
                x -> exports.submissionPackage(published.id(), null, Locale.ENGLISH),
                SIGN_IN, DENIED, NOT_FOUND, OK, NOT_FOUND, OK, OK));
        // ---- self-registration for public rounds: open to everybody, signed in or not ----
        AtomicInteger registered = new AtomicInteger();
        rows.add(row("register as a public reviewer", x -> {
                    int i = registered.incrementAndGet();
                    String name = "matrix-reg-" + i + "-" + System.nanoTime() % 1_000_000;
                    registrations.register("198.51.100." + i, "Public reviewer " + i, name + "@example.org", name,
                            "Public-matrix-2026!");
                    return null;
                },
                OK, OK, OK, OK, OK, OK, OK));
        return rows;
    }

    /** What each cell gave, for the table written after the run ({@code target/authz/}). */
    private final Map<String, String[]> observed = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The state-dependent steps and whether they held. */
    private final Map<String, String> steps = Collections.synchronizedMap(new LinkedHashMap<>());

    @TestFactory
    Stream<DynamicTest> matrixOfEveryRoundOperation() {
        return matrix().stream().flatMap(row -> Arrays.stream(Who.values()).map(who -> {
            Outcome expected = row.expected()[who.ordinal()];
            return DynamicTest.dynamicTest(who.label + " · " + row.operation() + " → " + expected.label(), () -> {
                String[] line = observed.computeIfAbsent(row.operation(), k -> new String[Who.values().length]);
                line[who.ordinal()] = "✗ " + expected.label();
                cell(who.username, row.prepare(), row.action(), expected);
                line[who.ordinal()] = expected.label();
            });
        }));
    }

    /** Writes the matrix as it ran as a Markdown table, readable next to docs/rounds.md. */
    @AfterAll
    void writeTable() throws Exception {
        StringBuilder md = new StringBuilder("| operation |");
        for (Who who : Who.values()) {
            md.append(' ').append(who.label).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(Who.values().length)).append('\n');
        observed.forEach((operation, line) -> {
            md.append("| ").append(operation).append(" |");
            for (String cell : line) {
                md.append(' ').append(cell == null ? "" : cell.replace("refused ", "")).append(" |");
            }
            md.append('\n');
        });
        md.append("\n| state-dependent step | |\n|---|---|\n");
        steps.forEach((step, held) -> md.append("| ").append(step).append(" | ").append(held).append(" |\n"));
        Path out = Path.of("target", "authz", getClass().getSimpleName() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
    }

    private void cell(String username, Supplier<Object> prepare, Action action, Outcome expected) {
        Object prepared = prepare == null ? null : prepare.get();
        as(username);
        Throwable thrown = null;
        try {
            action.run(prepared);
        } catch (Throwable e) {
            thrown = e;
        } finally {
            SignedIn.nobody();
        }
        if (!expected.matches().test(thrown)) {
            throw new AssertionError("expected " + expected.label() + " but "
                    + (thrown == null ? "it was allowed" : "got " + thrown), thrown);
        }
    }

    // ---- the state-dependent cells ----------------------------------------------------------------------------------

    /** A step of a sequence on one round: who does what, and the expected outcome. */
    private DynamicTest step(String who, String username, String operation, Outcome expected, Action action,
                             Supplier<Object> round) {
        String name = who + " · " + operation + " → " + expected.label();
        return DynamicTest.dynamicTest(name, () -> {
            steps.put(name, "✗");
            cell(username, round, action, expected);
            steps.put(name, "✓");
        });
    }

    @TestFactory
    Stream<DynamicTest> states() {
        String in = Who.REVIEWER_IN.label;
        String out = Who.REVIEWER_OUT.label;
        String sec = Who.SECRETARIAT.label;
        List<DynamicTest> tests = new ArrayList<>();

        // Late comments: a round closed with a CN-ABC comment in it.
        Round[] late = new Round[1];
        Comment[] onTime = new Comment[1];
        Supplier<Object> lateRound = () -> {
            if (late[0] == null) {
                late[0] = freshOpen();
                onTime[0] = comment("reviewer1", late[0], "Sent in time");
                close(late[0]);
            }
            return late[0];
        };
        Action newComment = x -> comments.create(project, null, new CommentForm(((Round) x).id(), CommentType.GE, "",
                0, 0, "", "Comment " + System.nanoTime(), ""));
        Action lateComment = x -> {
            Comment c = (Comment) newComment.run(x);
            assertThat(c.late()).as("marked late").isTrue();
            return c;
        };
        tests.add(step(in, "reviewer1", "comment after close", refused("round.write.closed"), newComment,
                lateRound));
        tests.add(step(in, "reviewer1", "edit own comment after close", refused("round.write.closed"),
                x -> comments.edit(onTime[0].id(), CommentType.ED, "Changed after the deadline", ""), lateRound));
        tests.add(step(in, "reviewer1", "reply in own comment's thread after close", refused("round.write.closed"),
                x -> comments.reply(onTime[0].id(), "One more thing"), lateRound));
        tests.add(step(Who.EDITOR.label, "editor2", "reply in a thread after close", OK,
                x -> comments.reply(onTime[0].id(), "We will look at it"), lateRound));
        tests.add(step(sec, "secretariat", "enter a comment received after close (marked late)", OK, lateComment,
                lateRound));
        tests.add(step(sec, "secretariat", "accept CN-ABC's late comments", OK, x -> {
            roundLifecycle.allowLateComments(((Round) x).id(), abc, Instant.now().plus(Duration.ofDays(2)), "Asked in time");
            return null;
        }, lateRound));
        tests.add(step(in, "reviewer1", "comment after close once accepted late (marked late)", OK, lateComment,
                lateRound));
        tests.add(step(out, "reviewer2", "comment after close while CN-ABC may comment late", NOT_AUDIENCE,
                newComment, lateRound));

        // A final submission, then reopened by the secretariat.
        Round[] sub = new Round[1];
        Comment[] mine = new Comment[1];
        Supplier<Object> subRound = () -> {
            if (sub[0] == null) {
                sub[0] = freshOpen();
                mine[0] = comment("reviewer1", sub[0], "Before submitting");
            }
            return sub[0];
        };
        tests.add(step(in, "reviewer1", "submit own organisation's comments", OK,
                x -> roundSubmissions.submit(((Round) x).id()), subRound));
        tests.add(step(in, "reviewer1", "edit own comment after submission", refused("round.write.submitted"),
                x -> comments.edit(mine[0].id(), CommentType.ED, "Changed after submitting", ""), subRound));
        tests.add(step(in, "reviewer1", "comment after submission", refused("round.write.submitted"), newComment,
                subRound));
        tests.add(step(in, "reviewer1", "resolve own comment after submission", refused("round.write.submitted"),
                x -> comments.resolve(mine[0].id(), "Withdrawn"), subRound));
        tests.add(step(in, "reviewer1", "reply in own comment's thread after submission",
                refused("round.write.submitted"), x -> comments.reply(mine[0].id(), "Afterthought"), subRound));
        tests.add(step(in, "reviewer1", "submit again", refused("round.write.submitted"),
                x -> roundSubmissions.submit(((Round) x).id()), subRound));
        tests.add(step(in, "reviewer1", "reopen own submission", DENIED,
                x -> { roundSubmissions.reopenSubmission(((Round) x).id(), abc, "Forgot one"); return null; }, subRound));
        tests.add(step(sec, "secretariat", "reopen CN-ABC's submission", OK,
                x -> { roundSubmissions.reopenSubmission(((Round) x).id(), abc, "CN-ABC forgot one"); return null; },
                subRound));
        tests.add(step(in, "reviewer1", "edit own comment after the submission was reopened", OK,
                x -> comments.edit(mine[0].id(), CommentType.ED, "Changed after reopening", ""), subRound));

        // Before opening, then opened now by the secretariat.
        Round[] early = new Round[1];
        Supplier<Object> earlyRound = () -> early[0] == null ? (early[0] = freshScheduled()) : early[0];
        tests.add(step(in, "reviewer1", "comment before the round opens", refused("round.write.not-open"),
                newComment, earlyRound));
        tests.add(step(sec, "secretariat", "comment before the round opens", refused("round.write.not-open"),
                newComment, earlyRound));
        tests.add(step(sec, "secretariat", "open the round now", OK,
                x -> roundLifecycle.openNow(((Round) x).id(), "Opened early"), earlyRound));
        tests.add(step(in, "reviewer1", "get the round once opened", OK, x -> rounds.get(((Round) x).id()),
                earlyRound));
        tests.add(step(in, "reviewer1", "comment once opened", OK, newComment, earlyRound));

        // Visibility: the secretariat lets reviewers see every organisation's comments before publication.
        Round[] shared = new Round[1];
        Comment[] peers = new Comment[1];
        Supplier<Object> sharedRound = () -> {
            if (shared[0] == null) {
                shared[0] = freshOpen();
                peers[0] = comment(peer, shared[0], "CN-BCL's view");
            }
            return shared[0];
        };
        Action seesPeer = x -> shows(roundComments((Round) x), p -> ((PlacedComment) p).comment().id() == peers[0].id(),
                "CN-BCL's comment");
        tests.add(step(in, "reviewer1", "see another organisation's comment (own organisation only)", HIDDEN,
                seesPeer, sharedRound));
        tests.add(step(in, "reviewer1", "read another organisation's comment by id (own organisation only)", DENIED,
                x -> commentReader.get(peers[0].id()), sharedRound));
        tests.add(step(sec, "secretariat", "let reviewers see every organisation's comments", OK,
                x -> roundLifecycle.setOwnOrganisationOnly(((Round) x).id(), false, "Open discussion"), sharedRound));
        tests.add(step(in, "reviewer1", "see another organisation's comment (all organisations)", OK, seesPeer,
                sharedRound));
        tests.add(step(in, "reviewer1", "read another organisation's comment by id (all organisations)", OK,
                x -> commentReader.get(peers[0].id()), sharedRound));
        tests.add(step(out, "reviewer2", "read another organisation's comment by id (all organisations)", DENIED,
                x -> commentReader.get(peers[0].id()), sharedRound));

        // A colleague of the same organisation: reads reviewer1's comment, but only its author edits it.
        Supplier<Object> openRound = () -> open;
        String col = "colleague in the same organisation";
        tests.add(step(col, colleague, "read own organisation's comment by another author", OK,
                x -> commentReader.get(ownOpen.id()), openRound));
        tests.add(step(col, colleague, "edit own organisation's comment by another author", DENIED,
                x -> comments.edit(ownOpen.id(), CommentType.ED, "Changed by a colleague", ""), openRound));
        tests.add(step(col, colleague, "comment in the open round", OK, newComment, openRound));

        // A self-registered reviewer: in the audience of public rounds only.
        Round[] pub1 = new Round[1];
        Supplier<Object> publicRound = () -> {
            if (pub1[0] == null) {
                as("secretariat");
                pub1[0] = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                        Instant.now().plus(Duration.ofDays(30)), "", Audience.PUBLIC, Set.of(), true));
                SignedIn.nobody();
                comment("reviewer1", pub1[0], "CN-ABC in the public round");
            }
            return pub1[0];
        };
        String pubLabel = "self-registered public reviewer";
        tests.add(step(pubLabel, member, "see the public round", OK, x -> rounds.get(((Round) x).id()),
                publicRound));
        tests.add(step(pubLabel, member, "comment in the public round", OK, newComment, publicRound));
        tests.add(step(pubLabel, member, "see CN-ABC's comment in the public round before publication", HIDDEN,
                x -> shows(roundComments((Round) x), p -> "CN-ABC".equals(((PlacedComment) p).comment()
                        .organisationCode()), "CN-ABC's comment"), publicRound));
        tests.add(step(pubLabel, member, "get the invited open round", NOT_FOUND, x -> rounds.get(open.id()),
                openRound));
        tests.add(step(pubLabel, member, "comment in the invited open round", NOT_AUDIENCE, newComment, openRound));

        // After publication nothing changes any more.
        Supplier<Object> pub = () -> published;
        tests.add(step(in, "reviewer1", "comment after publication", refused("round.write.published"), newComment,
                pub));
        tests.add(step(in, "reviewer1", "edit own comment after publication", refused("round.write.published"),
                x -> comments.edit(ownPublished.id(), CommentType.ED, "Changed after publication", ""), pub));
        tests.add(step(sec, "secretariat", "comment after publication", refused("round.write.published"),
                newComment, pub));
        tests.add(step(sec, "secretariat", "extend after publication", refused("round.already-published"),
                x -> roundLifecycle.extend(published.id(), Instant.now().plus(Duration.ofDays(90)), "Again"), pub));
        tests.add(step(sec, "secretariat", "record a disposition after publication",
                refused("round.already-published"),
                x -> dispositions.record(ownPublished.id(), Disposition.NOTED, "Too late", null), pub));
        tests.add(step("reviewer of the other invited organisation", peer,
                "mark satisfaction with CN-ABC's disposition", DENIED,
                x -> dispositions.markSatisfaction(ownPublished.id(), false, "Not mine"), pub));
        return tests.stream();
    }
}
