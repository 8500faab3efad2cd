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
import org.draftroom.base.UploadProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.domain.PlacedComment;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.NumberedClause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.ClauseReference;
import org.draftroom.rounds.domain.SheetPreview;
import org.draftroom.drafts.domain.BodyItem;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.sheets.IsoTemplateWriter;
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
 * comment, invalid type) before anything is imported; the import is all or nothing, in one transaction, and the
 * same file (by content) is imported only once per round. A reviewer downloads their organisation's comments as the
 * filled ISO template.
 */
@Service
@Transactional
public class SheetService {

    private final RoundService rounds;
    private final RoundRepository repository;
    private final CommentService comments;
    private final Access access;
    private final UploadProperties limits;
    /** Sheets being read now: reading takes memory and CPU, so only a few at once; more are refused at once. */
    private final Semaphore reading;

    SheetService(RoundService rounds, RoundRepository repository, CommentService comments, Access access,
            UploadProperties limits) {
        this.rounds = rounds;
        this.repository = repository;
        this.comments = comments;
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
            rows.add(new SheetPreview.Row(row.rowNumber(), clause, clauseId, clauseNumber, row.paragraph(), type,
                    row.comment(), row.proposedChange(), List.copyOf(problems)));
        }
        String digest = digest(bytes);
        boolean imported = repository.sheetImported(round.id(), digest);
        return new SheetPreview(fileName, result.format().name(), List.copyOf(rows), fileProblems, digest, imported);
    }

    /**
     * Imports a previewed sheet as comments of the signed-in reviewer in the round: every row or none (a refusal of
     * one row rolls all back). Refused when the preview has problems or the same file was imported before.
     *
     * @return the number of comments created
     */
    @PreAuthorize("isAuthenticated()")
    public int importSheet(long roundId, SheetPreview preview) {
        Round round = rounds.get(roundId);
        if (preview.alreadyImported() || repository.sheetImported(round.id(), preview.digest())) {
            throw new UserFacingException("rounds.sheet.already-imported", preview.fileName());
        }
        if (!preview.importable()) {
            throw new UserFacingException("rounds.sheet.has-problems");
        }
        CurrentUser me = access.current();
        for (SheetPreview.Row row : preview.rows()) {
            String body = row.paragraph() == null || row.paragraph().isBlank() ? row.comment()
                    : "(" + row.paragraph().strip() + ") " + row.comment();
            comments.create(round.projectId(), round.commitId(), new CommentForm(round.id(), row.type(),
                    row.clauseId(), 0, 0, "", body, row.proposedChange() == null ? "" : row.proposedChange()));
        }
        repository.recordSheet(round.id(), preview.digest(), preview.fileName(), me.id(), rounds.now());
        return preview.rows().size();
    }

    /** The signed-in reviewer's organisation's comments of the round as the filled ISO/IEC template (DOCX). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] organisationSheet(long roundId) {
        Round round = rounds.get(roundId);
        CurrentUser me = access.current();
        CommentFilter filter = CommentFilter.all().withRoundId(roundId).withTypes(Set.of(CommentType.values()));
        if (me.organisationId() != null) {
            filter = filter.withOrganisationId(me.organisationId());
        } else {
            filter = filter.withAuthorId(me.id());
        }
        List<PlacedComment> mine = comments.find(round.projectId(), round.commitId(), filter, 0,
                DispositionService.MAX_COMMENTS);
        List<SheetRow> rows = new ArrayList<>();
        int n = 1;
        for (PlacedComment p : mine) {
            String clause = p.placement() == null || p.placement().isGeneral() ? "General"
                    : Optional.ofNullable(p.placement().clauseNumber()).orElse("");
            rows.add(new SheetRow(n++, Optional.ofNullable(p.comment().organisationCode()).orElse(me.username()
                    .toUpperCase(Locale.ROOT)), clause, "", p.comment().type().code(), p.comment().body(),
                    p.comment().proposedChange(), ""));
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
