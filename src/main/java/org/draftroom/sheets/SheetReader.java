package org.draftroom.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Reads the comment sheets organisations send: the ISO/IEC/CEN/CENELEC template 2012-03 filled in Word (DOCX), a
 * spreadsheet (XLSX, also old XLS) with the template's columns, and the Chinese feedback form (序号, 章节号, 原文,
 * 修改后内容, 理由 and common variants such as 条款号, 修改建议, 意见/理由, 提出单位) as XLSX or as a Word table.
 *
 * <p>Columns are found by their titles, not by their position: the header row may stand below a title, the form's
 * instructions or other junk rows; the first row of titles that names enough known columns is the header. In the ISO
 * template the titles stand in the page header; a table in the body with as many columns takes them from there.
 * Blank rows, rows that only carry a pre-printed number, and rows one merged cell spans (titles, section headings,
 * footnotes) are skipped; a vertically merged cell counts for every row it spans. Types are normalised to
 * {@code ge}/{@code te}/{@code ed} (also from "general", "技术", "编辑性" ...).
 *
 * <p>Memory stays bounded whatever the file holds: before POI sees a package, every part is inflated once into a
 * counting buffer (more than {@value #MAX_UNPACKED_BYTES} bytes in all or {@value #BOMB_RATIO} times the file is a zip
 * bomb; a part POI reads whole into memory, the shared strings or a Word XML part, may unpack to at most
 * {@value #MAX_SHARED_STRINGS_BYTES} bytes); spreadsheets are then read as a stream of rows ({@link StreamingXlsx}),
 * stopping at the first row or cell over the limits; an old XLS file (read whole) may have at most
 * {@value #MAX_XLS_BYTES} bytes. POI's XML readers refuse document type declarations (no XXE).
 *
 * <p>Never throws for a bad file: a file that is not a sheet, is damaged, encrypted, too large (over
 * {@value #MAX_BYTES} bytes, or a zip bomb), holds more than {@value #MAX_ROWS} comment rows, a cell over
 * {@value #MAX_CELL} characters, or has no recognisable header gives a result without rows and one problem for the
 * whole file, so nothing is half imported. Row problems (missing comment, invalid type, text over
 * {@value #MAX_TEXT} characters) come with the row, which is still listed. Stateless and thread-safe; callers limit
 * how many files are read at once.
 */
public final class SheetReader {

    /** The most comment rows one sheet may hold. */
    public static final int MAX_ROWS = 5_000;
    /** The largest file accepted (10 MiB). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** The most the file's parts may unpack to (100 MiB); more is taken for a zip bomb. */
    public static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;
    /** Unpacking to more than {@value #BOMB_RATIO} times the file (and over 20 MB) is taken for a zip bomb too. */
    static final long BOMB_RATIO = 100;
    private static final long BOMB_MIN_BYTES = 20L * 1024 * 1024;
    /** The longest comment, proposed change or observation (as the comments of the platform). */
    public static final int MAX_TEXT = 10_000;
    /** The longest cell read at all: a longer one stops reading (a row with a text over {@link #MAX_TEXT} is listed). */
    public static final int MAX_CELL = 50_000;
    /** The most characters a spreadsheet's cells may hold together. */
    public static final long MAX_SHEET_TEXT = 8_000_000;
    /** The most the shared strings of a spreadsheet (the texts of its cells, held in memory) may unpack to. */
    public static final long MAX_SHARED_STRINGS_BYTES = 8L * 1024 * 1024;
    /** The most a Word document's XML parts (read whole into memory by POI) may unpack to, each. */
    public static final long MAX_WORD_XML_BYTES = 8L * 1024 * 1024;
    /** The largest old-format (XLS) file: it is read whole into memory. */
    public static final long MAX_XLS_BYTES = 3L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SheetReader.class);

    private SheetReader() {
    }

    /**
     * Reads a sheet. The file name is only used in messages (the content decides what the file is).
     *
     * @throws IOException only when reading {@code in} itself fails
     */
    public static SheetReadResult read(String fileName, InputStream in) throws IOException {
        String name = fileName == null || fileName.isBlank() ? "?" : fileName;
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return SheetReadResult.refused(SheetProblem.ofFile("sheet.too-large", name, MAX_BYTES / (1024 * 1024)));
        }
        return read(name, bytes);
    }

    /** Reads a sheet held in memory; see {@link #read(String, InputStream)}. */
    public static SheetReadResult read(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "?" : fileName;
        if (bytes.length > MAX_BYTES) {
            return SheetReadResult.refused(SheetProblem.ofFile("sheet.too-large", name, MAX_BYTES / (1024 * 1024)));
        }
        try {
            if (isZip(bytes)) {
                Map<String, Long> entries;
                try {
                    entries = zipEntries(bytes);
                } catch (ZipBombException e) {
                    return SheetReadResult.refused(
                            SheetProblem.ofFile("sheet.too-large", name, MAX_BYTES / (1024 * 1024)));
                }
                boolean word = entries.containsKey("word/document.xml");
                if (!word && !entries.containsKey("xl/workbook.xml")) {
                    return SheetReadResult.refused(SheetProblem.ofFile("sheet.unreadable", name));
                }
                for (Map.Entry<String, Long> e : entries.entrySet()) {
                    long limit = partLimit(e.getKey());
                    if (e.getValue() > limit) {
                        return SheetReadResult.refused(SheetProblem.ofFile("sheet.part.too-large", name,
                                limit / (1024 * 1024)));
                    }
                }
                return readPackage(name, bytes, word);
            } else if (!isOle2(bytes)) {
                return SheetReadResult.refused(SheetProblem.ofFile("sheet.unreadable", name));
            }
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                    return SheetReadResult.refused(SheetProblem.ofFile("sheet.encrypted", name));
                }
                if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK")
                        && !fs.getRoot().hasEntry("Book")) {
                    return SheetReadResult.refused(SheetProblem.ofFile("sheet.unreadable", name));
                }
            }
            if (bytes.length > MAX_XLS_BYTES) {
                // the old format has no streaming reader here: its workbook object takes about ten times the file
                return SheetReadResult.refused(SheetProblem.ofFile("sheet.xls.too-large", name,
                        MAX_XLS_BYTES / (1024 * 1024)));
            }
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                return XlsxSheet.read(name, workbook);
            }
        } catch (EncryptedDocumentException e) {
            return SheetReadResult.refused(SheetProblem.ofFile("sheet.encrypted", name));
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).startsWith("Zip bomb detected")) {
                // POI's own check of each part's inflate ratio (ZipSecureFile), on top of the ones above
                return SheetReadResult.refused(SheetProblem.ofFile("sheet.too-large", name,
                        MAX_BYTES / (1024 * 1024)));
            }
            LOG.debug("Could not read {} as a sheet", name, e);
            return SheetReadResult.refused(SheetProblem.ofFile("sheet.unreadable", name));
        } catch (RuntimeException | OpenXML4JException | SAXException e) {
            // POI reports damaged or foreign files with many exception types; none of them is the user's business.
            // A document type declaration (XXE) is one of them: POI's XML readers refuse it.
            LOG.debug("Could not read {} as a sheet", name, e);
            return SheetReadResult.refused(SheetProblem.ofFile("sheet.unreadable", name));
        }
    }

    /**
     * Opens the Office package from a temporary file, so that POI reads each part from the zip when it needs it
     * (from a stream it would hold every part in memory), then reads it as a Word or a spreadsheet sheet.
     */
    private static SheetReadResult readPackage(String name, byte[] bytes, boolean word) throws IOException,
            OpenXML4JException, SAXException {
        Path file = Files.createTempFile("draftroom-sheet-", ".zip");
        try {
            Files.write(file, bytes);
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                return word ? DocxSheet.read(name, new XWPFDocument(pkg)) : StreamingXlsx.read(name, pkg);
            } finally {
                pkg.revert(); // a package opened to read is let go without saving (close() would warn)
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The most a part of the package may unpack to: the parts read whole into memory are kept small. */
    private static long partLimit(String entry) {
        if (entry.equals("xl/sharedstrings.xml")) {
            return MAX_SHARED_STRINGS_BYTES;
        }
        if (entry.startsWith("word/") && entry.endsWith(".xml") || entry.equals("xl/styles.xml")
                || entry.equals("xl/workbook.xml")) {
            return MAX_WORD_XML_BYTES;
        }
        return MAX_UNPACKED_BYTES;
    }

    /**
     * The type of comment as {@code ge}, {@code te} or {@code ed}: accepts those codes in any case, the English words
     * (general, technical, editorial) and the Chinese ones (一般, 技术, 编辑, with or without 性/类). Empty when the text
     * is not a type.
     */
    public static Optional<String> normaliseType(String text) {
        String s = Column.normalise(text).replace("性", "").replace("类", "").replace("意见", "").replace("问题", "");
        return Optional.ofNullable(switch (s) {
            case "ge", "g", "general", "一般", "总体", "综合" -> "ge";
            case "te", "t", "technical", "tech", "技术" -> "te";
            case "ed", "e", "editorial", "编辑", "文字", "编辑/文字" -> "ed";
            default -> null;
        });
    }

    // --- turning a grid into rows, shared by the DOCX and the spreadsheet reader ---

    /** The header row found in a grid: which grid column holds which column, and the family of titles. */
    record Header(int rowIndex, Map<Column, Integer> columns, boolean chinese, List<String> unknownTitles) {
    }

    /** The header if the row names enough known columns to be one. */
    static Optional<Header> header(int rowIndex, List<String> titles) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        int chinese = 0;
        int latin = 0;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            Optional<Column.Match> match = Column.ofTitle(title);
            if (match.isPresent()) {
                if (columns.putIfAbsent(match.get().column(), i) == null) {
                    if (match.get().chinese()) {
                        chinese++;
                    } else {
                        latin++;
                    }
                }
            } else if (!title.isBlank()) {
                unknown.add(title.replace('\n', ' '));
            }
        }
        boolean hasText = columns.containsKey(Column.COMMENT) || columns.containsKey(Column.REASON)
                || columns.containsKey(Column.PROPOSED);
        if (columns.size() < 3 || !hasText) {
            return Optional.empty();
        }
        return Optional.of(new Header(rowIndex, columns, chinese > latin, unknown));
    }

    /** Problems of the column layout: the ISO template's columns must all be there (the 2001 form lacks the line). */
    static List<SheetProblem> layoutProblems(Header header) {
        List<SheetProblem> problems = new ArrayList<>();
        if (!header.chinese()) {
            for (Column c : Column.ISO_COLUMNS) {
                if (c != Column.LINE && !header.columns().containsKey(c)) {
                    problems.add(SheetProblem.ofFile("sheet.column.missing", c.isoCaption()));
                }
            }
            for (String title : header.unknownTitles()) {
                problems.add(SheetProblem.ofFile("sheet.column.unexpected", title));
            }
        } else if (!header.columns().containsKey(Column.CLAUSE)) {
            problems.add(SheetProblem.ofFile("sheet.column.missing", "章节号"));
        }
        return problems;
    }

    /**
     * The comment rows below the header. Refuses the whole sheet when it has more than {@link #MAX_ROWS} of them.
     * Each row keeps the grid's row number (the spreadsheet row, or the Word table row), so that a message names the
     * row where the reviewer sees it, blank and skipped rows counted.
     */
    static SheetReadResult rows(String fileName, Header header, List<Grid.Row> body, SheetFormat format,
            SheetHeader fields) {
        List<SheetProblem> layout = layoutProblems(header);
        if (!layout.isEmpty()) {
            return new SheetReadResult(List.of(), layout, SheetFormat.UNKNOWN, fields);
        }
        Map<Column, Integer> at = header.columns();
        Integer observationsAt = at.get(Column.OBSERVATIONS);
        Integer reasonAt = at.get(Column.REASON);
        // In a disposition table (处理意见 | 理由) the reason right of the disposition is the secretariat's.
        boolean reasonIsSecretariats = observationsAt != null && reasonAt != null && reasonAt > observationsAt;
        List<SheetRow> rows = new ArrayList<>();
        List<SheetProblem> problems = new ArrayList<>();
        for (Grid.Row r : body) {
            if (r.spanning() || r.blank()) {
                continue;
            }
            String clause = cell(r, at, Column.CLAUSE);
            String paragraph = cell(r, at, Column.PARAGRAPH);
            String original = cell(r, at, Column.ORIGINAL);
            String type = cell(r, at, Column.TYPE);
            String comment = cell(r, at, Column.COMMENT);
            String reason = cell(r, at, Column.REASON);
            String proposed = cell(r, at, Column.PROPOSED);
            String observations = cell(r, at, Column.OBSERVATIONS);
            if (reasonIsSecretariats) {
                observations = join(observations, reason);
                reason = "";
            }
            if (isRepeatedHeader(r, header) || isExampleRow(r)) {
                continue;
            }
            if (clause.isEmpty() && paragraph.isEmpty() && original.isEmpty() && type.isEmpty() && comment.isEmpty()
                    && reason.isEmpty() && proposed.isEmpty()) {
                continue; // a pre-numbered or pre-filled row nobody used
            }
            if (rows.size() == MAX_ROWS) {
                return new SheetReadResult(List.of(),
                        List.of(SheetProblem.ofFile("sheet.too-many-rows", fileName, MAX_ROWS)), format, fields);
            }
            int number = r.number();
            String text = join(comment, reason);
            String normalisedType = type;
            if (!type.isEmpty()) {
                Optional<String> t = normaliseType(type);
                if (t.isPresent()) {
                    normalisedType = t.get();
                } else {
                    problems.add(SheetProblem.ofRow(number, "sheet.type.invalid", type));
                }
            } else if (format.iso()) {
                problems.add(SheetProblem.ofRow(number, "sheet.type.missing"));
            }
            if (text.isEmpty()) {
                problems.add(SheetProblem.ofRow(number, "sheet.comment.missing"));
            }
            for (String t : List.of(text, proposed, observations)) {
                if (t.length() > MAX_TEXT) {
                    problems.add(SheetProblem.ofRow(number, "sheet.text.too-long", MAX_TEXT));
                    break;
                }
            }
            rows.add(new SheetRow(number, cell(r, at, Column.MEMBER_BODY), clause,
                    paragraph.isEmpty() ? original : join(paragraph, original), normalisedType, text, proposed,
                    observations, cell(r, at, Column.LINE)));
        }
        if (rows.isEmpty()) {
            problems.add(SheetProblem.ofFile("sheet.empty", fileName));
        }
        return new SheetReadResult(rows, problems, format, fields);
    }

    /** A header row repeated in the body (a table copied under itself, or repeated on every page). */
    private static boolean isRepeatedHeader(Grid.Row r, Header header) {
        int same = 0;
        for (Map.Entry<Column, Integer> e : header.columns().entrySet()) {
            if (Column.ofTitle(r.cell(e.getValue())).map(m -> m.column() == e.getKey()).orElse(false)) {
                same++;
            }
        }
        return same >= 3;
    }

    /** The second caption line some copies of the template keep as a row of its own: "(e.g. 17)", "(e.g. 3.1)". */
    private static boolean isExampleRow(Grid.Row r) {
        return r.cells().stream().filter(c -> !c.isBlank()).allMatch(c -> EXAMPLE.matcher(c).matches());
    }

    private static final Pattern EXAMPLE = Pattern.compile("[(（]\\s*(?:e\\.\\s*g\\.|例如|如).*[)）]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static String cell(Grid.Row r, Map<Column, Integer> at, Column c) {
        Integer i = at.get(c);
        return i == null ? "" : r.cell(i);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b;
    }

    // --- container checks ---

    private static boolean isZip(byte[] b) {
        return b.length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle2(byte[] b) {
        return b.length > 7 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11
                && (b[3] & 0xff) == 0xE0;
    }

    private static final class ZipBombException extends IOException {
        ZipBombException() {
            super("unpacks to more than " + MAX_UNPACKED_BYTES + " bytes");
        }
    }

    /**
     * The zip's entry names, inflating every entry to count what it really unpacks to (sizes in headers lie). Uses
     * commons-compress, as POI does, because POI's own streaming writer stores entries with data descriptors, which
     * {@code java.util.zip.ZipInputStream} refuses.
     */
    private static Map<String, Long> zipEntries(byte[] bytes) throws IOException {
        Map<String, Long> names = new LinkedHashMap<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true,
                true)) {
            for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                long size = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    size += n;
                    if (total > MAX_UNPACKED_BYTES || total > BOMB_MIN_BYTES && total > BOMB_RATIO * bytes.length) {
                        throw new ZipBombException();
                    }
                }
                names.merge(e.getName().toLowerCase(Locale.ROOT).replace('\\', '/'), size, Long::sum);
            }
        }
        return names;
    }
}
