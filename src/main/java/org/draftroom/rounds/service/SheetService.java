package org.draftroom.rounds.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.draftroom.base.Messages;
import org.draftroom.base.UploadProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.ClauseReference;
import org.draftroom.rounds.domain.SheetImportOffer;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.drafts.domain.BodyItem;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.sheets.IsoTemplateWriter;
import org.draftroom.sheets.IsoXlsxWriter;
import org.draftroom.sheets.SheetHeader;
import org.draftroom.sheets.SheetProblem;
import org.draftroom.sheets.SheetReadResult;
import org.draftroom.sheets.SheetReader;
import org.draftroom.sheets.SheetRow;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comment sheets in a round: a reviewer uploads a filled sheet (ISO/IEC template as DOCX or XLSX, or the Chinese
 * feedback form); every row is previewed with its problems (unknown clause number in the frozen version, missing
 * comment, invalid type) before anything is imported. {@link #offer} says what can be imported: a sheet without
 * problems all at once, a sheet with problems only its valid rows, when the reviewer asks for that; the rows with
 * problems are then kept out and downloadable as a sheet to correct ({@link #problemRowsSheet}). An import happens in
 * one transaction, and the same file (by content) is imported only once per round. A reviewer downloads their
 * organisation's comments as the filled ISO template.
 */
@Service
@Transactional
public class SheetService {

    private final RoundService rounds;
    private final RoundRepository repository;
    private final CommentService comments;
    private final CommentReader reader;
    private final Access access;
    private final UploadProperties limits;
    private final Messages messages;
    /** Sheets being read now: reading takes memory and CPU, so only a few at once; more are refused at once. */
    private final Semaphore reading;

    SheetService(RoundService rounds, RoundRepository repository, CommentService comments, CommentReader reader,
                 Access access,
            UploadProperties limits, Messages messages) {
        this.rounds = rounds;
        this.messages = messages;
        this.repository = repository;
        this.comments = comments;
        this.reader = reader;
        this.access = access;
        this.limits = limits;
        this.reading = new Semaphore(Math.max(1, limits.parallelSheetReads()));
    }

    /** The largest sheet accepted, in bytes ({@code draftroom.uploads.max-sheet-size}, at most the reader's own). */
    public long maxBytes() {
        return Math.min(limits.maxSheetSize().toBytes(), SheetReader.MAX_BYTES);
    }

    /**
     * Reads a sheet for the round and resolves its clause numbers; imports nothing. Refused (with nothing read) when
     * the file is larger than {@link #maxBytes()} or when {@code draftroom.uploads.parallel-sheet-reads} sheets are
     * being read already.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public SheetPreview preview(long roundId, String fileName, byte[] bytes) {
        Round round = rounds.get(roundId);
        if (bytes.length > maxBytes()) {
            throw new UserFacingException("sheet.too-large", fileName, maxBytes() / (1024 * 1024));
        }
        NumberedOutline outline = rounds.frozenDraft(roundId).outline();
        if (!reading.tryAcquire()) {
            throw new UserFacingException("sheet.busy");
        }
        SheetReadResult result;
        try {
            result = SheetReader.read(fileName, bytes);
        } finally {
            reading.release();
        }
        List<SheetPreview.Problem> fileProblems = result.problems().stream().filter(SheetProblem::wholeFile)
                .map(p -> new SheetPreview.Problem(p.key(), p.args())).toList();
        Map<String, NumberedClause> byNumber = outline.clauses().stream()
                .filter(c -> c.number() != null && !c.number().isBlank())
                .collect(Collectors.toMap(c -> c.number(), Function.identity(), (a, b) -> a));
        Map<String, PlacedComment> ours = new java.util.HashMap<>();
        Map<String, PlacedComment> oursByContent = new java.util.HashMap<>();
        for (PlacedComment p : ownComments(round)) {
            ours.put(p.comment().readableId().toUpperCase(Locale.ROOT), p);
            oursByContent.putIfAbsent(content(p.comment().anchor().clauseId(), p.comment().type(),
                    p.comment().body(), p.comment().proposedChange(), p.comment().lineNumber(),
                    p.comment().location()), p);
            if (p.comment().location().isEmpty() && p.comment().lineNumber().isEmpty()) {
                // imported before the paragraph had a field of its own: "(Table 1) The comment."
                oursByContent.putIfAbsent(legacyContent(p.comment().anchor().clauseId(), p.comment().type(),
                        p.comment().body(), p.comment().proposedChange()), p);
            }
        }
        boolean iso = result.format().iso();
        Set<String> seenIds = new java.util.HashSet<>();
        List<SheetPreview.Row> rows = new ArrayList<>();
        for (SheetRow row : result.rows()) {
            List<SheetPreview.Problem> problems = new ArrayList<>(result.problemsOf(row.rowNumber()).stream()
                    .map(p -> new SheetPreview.Problem(p.key(), p.args())).toList());
            String clauseId = null;
            String clauseNumber = "";
            String clause = row.clause() == null ? "" : row.clause().strip();
            // A clause id as such first, then the reference as people write it ("附录 B", "第5章", "5.1 a)", "表1").
            String token = clause.split("[\\s　]+")[0];
            NumberedClause found = clause.isEmpty() ? null : outline.find(token).orElse(null);
            Optional<ClauseReference> reference = found != null ? Optional.empty() : ClauseReference.parse(clause);
            if (reference.filter(r -> r.kind() == ClauseReference.Kind.GENERAL).isPresent()) {
                clauseId = "";
            } else {
                if (found == null && reference.isPresent()) {
                    ClauseReference r = reference.get();
                    found = switch (r.kind()) {
                        case CLAUSE -> byNumber.get(r.number());
                        case TABLE, FIGURE -> outline.bodyItems(r.kind() == ClauseReference.Kind.TABLE
                                        ? BodyItem.Kind.TABLE : BodyItem.Kind.FIGURE).stream()
                                .filter(i -> i.number().equalsIgnoreCase(r.number())).findFirst()
                                .flatMap(i -> outline.find(i.clauseId())).orElse(null);
                        case GENERAL -> null;
                    };
                }
                if (found == null) {
                    problems.add(new SheetPreview.Problem("rounds.sheet.unknown-clause", List.of(clause)));
                } else {
                    clauseId = found.id();
                    clauseNumber = found.number();
                }
            }
            // The Chinese feedback form has no type column: its comments come in as general, shown so in the
            // preview, and their authors can change the type later. A type the reader refused (invalid, or missing
            // in an ISO sheet) is shown empty beside its problem, not as a general comment.
            boolean typeRefused = result.problemsOf(row.rowNumber()).stream()
                    .anyMatch(p -> p.key().startsWith("sheet.type."));
            CommentType type = typeRefused ? null
                    : SheetReader.normaliseType(row.type()).map(CommentType::ofCode).orElse(CommentType.GE);
            // Rows are matched to comments by the comment id in MB/NC, never by their position in the sheet.
            // The ISO template's Paragraph/Figure/Table and line number are kept with the comment; the Chinese form's
            // 原文 (the words quoted) stays in front of the comment's text, as before.
            String body = iso ? row.comment() : body(row.paragraph(), row.comment());
            String location = iso ? row.paragraph().strip().replaceAll("\\s+", " ") : "";
            String line = row.lineNumber().strip().replaceAll("\\s+", " ");
            if (location.length() > CommentForm.MAX_LOCATION || line.length() > CommentForm.MAX_LINE_NUMBER) {
                problems.add(new SheetPreview.Problem("rounds.sheet.place-too-long",
                        List.of(CommentForm.MAX_LINE_NUMBER, CommentForm.MAX_LOCATION)));
            }
            String proposed = row.proposedChange() == null ? "" : row.proposedChange();
            SheetPreview.Change change = SheetPreview.Change.NEW;
            Long commentId = null;
            String id = row.memberBody() == null ? "" : row.memberBody().strip().toUpperCase(Locale.ROOT);
            if (COMMENT_ID.matcher(id).matches()) {
                PlacedComment known = ours.get(id);
                if (known == null) {
                    // Another organisation's id, a guessed one or one from another round: said the same way, so
                    // that the answer tells nothing about other organisations' comments.
                    problems.add(new SheetPreview.Problem("rounds.sheet.unknown-id", List.of(row.memberBody())));
                } else if (!seenIds.add(id)) {
                    problems.add(new SheetPreview.Problem("rounds.sheet.duplicate-id", List.of(row.memberBody())));
                } else {
                    commentId = known.comment().id();
                    boolean same = type == known.comment().type() && body.equals(known.comment().body())
                            && proposed.equals(known.comment().proposedChange())
                            && line.equals(known.comment().lineNumber())
                            && location.equals(known.comment().location());
                    change = same ? SheetPreview.Change.UNCHANGED : SheetPreview.Change.CHANGED;
                    if (clauseId != null && !clauseId.equals(known.comment().anchor().clauseId())) {
                        problems.add(new SheetPreview.Problem("rounds.sheet.clause-changed",
                                List.of(row.memberBody())));
                    } else if (change == SheetPreview.Change.CHANGED
                            && known.comment().authorId() != access.current().id()) {
                        problems.add(new SheetPreview.Problem("rounds.sheet.not-author", List.of(row.memberBody(),
                                known.comment().authorName())));
                    }
                }
            } else if (clauseId != null && type != null) {
                // A re-saved copy of a sheet imported before (same rows, other bytes): recognised by its rows.
                PlacedComment same = oursByContent.get(content(clauseId, type, body, proposed, line, location));
                if (same == null) {
                    same = oursByContent.get(legacyContent(clauseId, type, body(row.paragraph(), row.comment()),
                            proposed));
                }
                if (same != null) {
                    change = SheetPreview.Change.UNCHANGED;
                    commentId = same.comment().id();
                }
            }
            rows.add(new SheetPreview.Row(row.rowNumber(), clause, clauseId, clauseNumber, row.paragraph(), type,
                    row.comment(), row.proposedChange(), List.copyOf(problems), change, commentId, row,
                    iso ? location : "", line));
        }
        String digest = digest(bytes);
        boolean imported = repository.sheetImported(round.id(), digest);
        return new SheetPreview(fileName, result.format().name(), List.copyOf(rows), fileProblems, digest, imported);
    }

    /**
     * What importing the previewed sheet would do: how many rows it adds or changes, how many have problems (and so
     * stay out), and why it cannot go ahead at all (a problem of the whole file, a file imported before, or no valid
     * row that changes anything while some rows have problems). The one rule the upload dialog, the API and
     * {@link #importSheet} follow.
     */
    @Transactional(readOnly = true)
    public SheetImportOffer offer(SheetPreview preview) {
        int toImport = preview.validChanges().size();
        int withProblems = (int) preview.rowsWithProblems();
        int unchanged = (int) preview.rows().stream()
                .filter(r -> r.ok() && r.change() == SheetPreview.Change.UNCHANGED).count();
        String refusal = null;
        if (!preview.fileProblems().isEmpty() || preview.rows().isEmpty()) {
            refusal = "rounds.sheet.unreadable";
        } else if (preview.alreadyImported()) {
            refusal = "rounds.sheet.already-imported";
        } else if (withProblems > 0 && toImport == 0) {
            refusal = "rounds.sheet.has-problems";
        }
        return new SheetImportOffer(toImport, withProblems, unchanged, refusal);
    }

    /**
     * Imports a previewed sheet as comments of the signed-in reviewer in the round: every row or none (a refusal of
     * one row rolls all back). Refused when the preview has problems or the same file was imported before.
     *
     * @return the number of comments created or changed
     */
    @PreAuthorize("isAuthenticated()")
    public int importSheet(long roundId, SheetPreview preview) {
        return importSheet(roundId, preview, false);
    }

    /**
     * Imports a previewed sheet as comments of the signed-in reviewer in the round, in one transaction (a refusal of
     * one row rolls all back). With {@code validRowsOnly} the rows with problems are left out and the valid ones
     * imported ({@link #offer}); without it a sheet with any problem is refused. Refused too when the same file was
     * imported before. The file is recorded as imported either way: its rows with problems come back corrected in
     * another file (the one {@link #problemRowsSheet} writes, or the whole sheet again, whose imported rows are then
     * recognised as unchanged).
     *
     * @return the number of comments created or changed
     */
    @PreAuthorize("isAuthenticated()")
    public int importSheet(long roundId, SheetPreview preview, boolean validRowsOnly) {
        Round round = rounds.get(roundId);
        if (preview.alreadyImported() || repository.sheetImported(round.id(), preview.digest())) {
            throw new UserFacingException("rounds.sheet.already-imported", preview.fileName());
        }
        SheetImportOffer offer = offer(preview);
        if (!offer.possible()) {
            throw new UserFacingException(offer.refusalKey(), preview.fileName());
        }
        if (offer.partial() && !validRowsOnly) {
            throw new UserFacingException("rounds.sheet.has-problems");
        }
        CurrentUser me = access.current();
        int done = 0;
        for (SheetPreview.Row row : preview.validChanges()) {
            // The location (Paragraph/Figure/Table) has a field of its own; otherwise (the Chinese form's 原文)
            // the paragraph stays in front of the text.
            String body = row.location().isEmpty() ? body(row.paragraph(), row.comment()) : row.comment();
            String proposed = row.proposedChange() == null ? "" : row.proposedChange();
            switch (row.change()) {
                case NEW -> comments.create(round.projectId(), round.commitId(), new CommentForm(round.id(),
                        row.type(), row.clauseId(), 0, 0, "", body, proposed, row.lineNumber(), row.location()));
                case CHANGED -> comments.edit(row.commentId(), row.type(), body, proposed, row.lineNumber(),
                        row.location());
                case UNCHANGED -> {
                    continue;
                }
            }
            done++;
        }
        repository.recordSheet(round.id(), preview.digest(), preview.fileName(), me.id(), rounds.now());
        return done;
    }

    /**
     * The rows of a previewed sheet that have problems, as a sheet of the ISO template's columns to correct and
     * upload again: each row as it was written, its problems in the column "Observations of the secretariat"
     * ("Row 5: There is no clause ...", in the given language, the row as Excel or Word showed it in the uploaded
     * file). A spreadsheet for an uploaded spreadsheet, the Word template for a Word file. Writes nothing to the
     * round.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] problemRowsSheet(long roundId, SheetPreview preview, Locale locale) {
        Round round = rounds.get(roundId);
        List<SheetRow> rows = new ArrayList<>();
        int n = 1;
        for (SheetPreview.Row row : preview.rows()) {
            if (row.ok()) {
                continue;
            }
            SheetRow read = row.read() != null ? row.read() : new SheetRow(row.rowNumber(), "", row.clause(),
                    row.paragraph(), "", row.comment(), row.proposedChange(), "");
            String type = row.type() != null ? row.type().code() : read.type();
            String notes = row.problems().stream().map(p -> messages.getTranslation("sheet.problem.row", locale,
                    row.rowNumber(), messages.getTranslation(p.key(), locale, p.args().toArray())))
                    .collect(Collectors.joining("\n"));
            rows.add(new SheetRow(n++, read.memberBody(), read.clause(), read.paragraph(), type, read.comment(),
                    read.proposedChange(), notes, read.lineNumber()));
        }
        SheetHeader header = new SheetHeader(rounds.now().atZone(rounds.zone()).toLocalDate().toString(),
                round.projectCode() + " " + round.label(), round.projectCode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (spreadsheet(preview)) {
                IsoXlsxWriter.write(header, rows, out);
            } else {
                IsoTemplateWriter.write(header, rows, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The name of the file {@link #problemRowsSheet} writes: the uploaded file's, marked, with its kind's ending. */
    public static String problemRowsFileName(SheetPreview preview) {
        String name = preview.fileName() == null ? "sheet" : preview.fileName().replaceAll("[\\\\/:*?\"<>|]", "_");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "-problem-rows" + (spreadsheet(preview) ? ".xlsx" : ".docx");
    }

    private static boolean spreadsheet(SheetPreview preview) {
        return preview.format() != null && preview.format().endsWith("XLSX");
    }

    /** A comment id as the downloaded sheet writes it in MB/NC: organisation (or user) code, then a number. */
    private static final java.util.regex.Pattern COMMENT_ID = java.util.regex.Pattern.compile(
            "[A-Z0-9][A-Z0-9_.-]*-[0-9]{3,}");

    private static String body(String paragraph, String comment) {
        return paragraph == null || paragraph.isBlank() ? comment : "(" + paragraph.strip() + ") " + comment;
    }

    private static String content(String clauseId, CommentType type, String body, String proposed, String line,
            String location) {
        return legacyContent(clauseId, type, body, proposed) + "\t" + line + "\t" + location;
    }

    private static String legacyContent(String clauseId, CommentType type, String body, String proposed) {
        return clauseId + "\t" + type + "\t" + body.strip() + "\t" + (proposed == null ? "" : proposed.strip());
    }

    /** The signed-in person's organisation's comments of the round (their own, without an organisation). */
    private List<PlacedComment> ownComments(Round round) {
        CurrentUser me = access.current();
        CommentFilter filter = CommentFilter.all().withRoundId(round.id()).withTypes(Set.of(CommentType.values()));
        if (me.organisationId() != null) {
            filter = filter.withOrganisationId(me.organisationId());
        } else {
            filter = filter.withAuthorId(me.id());
        }
        return reader.findAll(round.projectId(), round.commitId(), filter, DispositionService.MAX_COMMENTS);
    }

    /**
     * The signed-in reviewer's organisation's comments of the round as the filled ISO/IEC template (DOCX). Each row
     * carries its comment's id in MB/NC ("CN-ABC-007", the organisation's code and the comment's number, as the
     * template's comment ids go), so that the sheet, edited and uploaded again, updates those comments.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] organisationSheet(long roundId) {
        Round round = rounds.get(roundId);
        CurrentUser me = access.current();
        List<PlacedComment> mine = ownComments(round);
        List<SheetRow> rows = new ArrayList<>();
        int n = 1;
        for (PlacedComment p : mine) {
            String clause = p.placement() == null || p.placement().isGeneral() ? "General"
                    : Optional.ofNullable(p.placement().clauseNumber()).orElse("");
            rows.add(new SheetRow(n++, p.comment().readableId(), clause, p.comment().location(),
                    p.comment().type().code(), p.comment().body(), p.comment().proposedChange(), "",
                    p.comment().lineNumber()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            IsoTemplateWriter.write(new SheetHeader(rounds.now().atZone(rounds.zone()).toLocalDate().toString(),
                    round.projectCode() + " " + round.label(), round.projectCode()), rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
