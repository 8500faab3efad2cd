package org.draftroom.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.draftroom.sheets.TestSheets;

/**
 * The hostile-input corpus: files a stranger could upload as a comment sheet, each with the message it must be
 * refused with. The small files are kept under {@code src/test/resources/hostile/} (written by {@link #main}); the
 * large ones (zip bombs, 100,000 rows) are made here when a test needs them, so the repository stays small.
 */
public final class HostileFiles {

    /** A hostile file and the start of the message (English) it must be refused with. */
    public record Hostile(String name, byte[] bytes, String expected) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    static final String UNREADABLE = "could not be read as a comment sheet";
    static final String TOO_LARGE = "is too large: a comment sheet may have at most 10 MB";
    static final String ENCRYPTED = "is protected by a password";
    static final String PART_TOO_LARGE = "holds too much text for a comment sheet";
    static final String CELL_TOO_LARGE = "has a cell of more than 50,000 characters";
    static final String TOO_MANY_ROWS = "holds more than 5,000 comments";

    private static final String CHINESE_HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>序号</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>章节号</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>修改后内容</t>"
            + "</is></c><c r=\"D1\" t=\"inlineStr\"><is><t>理由</t></is></c></row>";

    private HostileFiles() {
    }

    /** Writes the small files of the corpus to the folder given (src/test/resources/hostile). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/hostile");
        Files.createDirectories(dir);
        for (Hostile h : small()) {
            Files.write(dir.resolve(h.name()), h.bytes());
        }
    }

    /** The small files as kept under {@code src/test/resources/hostile/}, with their expected messages. */
    public static List<Hostile> stored() throws IOException {
        List<Hostile> files = new ArrayList<>();
        for (Hostile h : small()) {
            try (java.io.InputStream in = HostileFiles.class.getResourceAsStream("/hostile/" + h.name())) {
                if (in == null) {
                    throw new IOException("missing from src/test/resources/hostile: " + h.name());
                }
                files.add(new Hostile(h.name(), in.readAllBytes(), h.expected()));
            }
        }
        return files;
    }

    /** The small files: made the same way every time, also kept as files in the repository. */
    public static List<Hostile> small() throws IOException {
        List<Hostile> files = new ArrayList<>();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
                0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89, 0, 0, 0, 0, 'I', 'E', 'N', 'D',
                (byte) 0xae, 'B', 0x60, (byte) 0x82};
        files.add(new Hostile("png-renamed.xlsx", png, UNREADABLE));
        files.add(new Hostile("png-renamed.docx", png, UNREADABLE));
        byte[] good = TestSheets.xlsx(new String[][] {{"序号", "章节号", "修改后内容", "理由"}, {"1", "5.1", "x", "y"}});
        byte[] corrupt = Arrays.copyOf(good, good.length);
        for (int i = 200; i < corrupt.length; i += 7) {
            corrupt[i] ^= 0x5a;
        }
        files.add(new Hostile("corrupted.xlsx", corrupt, UNREADABLE));
        files.add(new Hostile("truncated.docx", Arrays.copyOf(TestSheets.isoDocx(new String[][] {
                {"CN", "", "1", "", "ge", "x", "", ""}}), 3000), UNREADABLE));
        files.add(new Hostile("encrypted.xlsx", encrypted(good), ENCRYPTED));
        files.add(new Hostile("encrypted.docx", encrypted(TestSheets.isoDocx(new String[][] {
                {"CN", "", "1", "", "ge", "x", "", ""}})), ENCRYPTED));
        files.add(new Hostile("xxe.xlsx", xlsx("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData>" + CHINESE_HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>1</t>"
                + "</is></c><c r=\"B2\" t=\"inlineStr\"><is><t>5.1</t></is></c><c r=\"D2\" t=\"inlineStr\"><is>"
                + "<t>&e;</t></is></c></row></sheetData></worksheet>", null), UNREADABLE));
        files.add(new Hostile("xxe.docx", docx("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                + "2006/main\"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"), UNREADABLE));
        // Text in two encodings at once (GB18030 and UTF-8), the way a CSV export saved under .xlsx looks.
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write("序号,章节号,修改后内容,理由\n".getBytes(Charset.forName("GB18030")));
        mixed.write("1,5.1,修改,理由 ü\n".getBytes(StandardCharsets.UTF_8));
        mixed.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xd8});
        files.add(new Hostile("mixed-encodings.xlsx", mixed.toByteArray(), UNREADABLE));
        files.add(new Hostile("csv-ish.xlsx", "=cmd|' /C calc'!A0,序号,章节号\n1,5.1,\"x\"\"y\"\n"
                .getBytes(StandardCharsets.UTF_8), UNREADABLE));
        files.add(new Hostile("huge-cell.xlsx", xlsx(sheet(CHINESE_HEADER + "<row r=\"2\"><c r=\"A2\" "
                + "t=\"inlineStr\"><is><t>1</t></is></c><c r=\"D2\" t=\"inlineStr\"><is><t>" + randomChinese(60_000)
                + "</t></is></c></row>"), null), CELL_TOO_LARGE));
        return files;
    }

    /** The large files, made in memory (each under the 10 MB upload limit). */
    public static List<Hostile> large() throws IOException {
        List<Hostile> files = new ArrayList<>();
        files.add(new Hostile("bomb.xlsx", bomb(), TOO_LARGE));
        files.add(new Hostile("rows-100000.xlsx", manyRows(100_000), TOO_MANY_ROWS));
        files.add(new Hostile("huge-shared-strings.xlsx", xlsx(sheet(CHINESE_HEADER), sharedStrings(9_500_000)),
                PART_TOO_LARGE));
        files.add(new Hostile("bomb.docx", docx("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas."
                + "openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
                .repeat(1_500_000) + "</w:body></w:document>"), TOO_LARGE));
        files.add(new Hostile("big-document.docx", docx("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://"
                + "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + randomParagraphs(9_000_000)
                + "</w:body></w:document>"), PART_TOO_LARGE));
        return files;
    }

    /** A spreadsheet whose single sheet unpacks to about 99 MB of rows: what filled a 1 GB heap before. */
    static byte[] bomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Map<String, String> parts = packageParts(null);
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                    + "2006/main\"><sheetData>" + CHINESE_HEADER).getBytes(StandardCharsets.UTF_8));
            byte[] row = "<row><c t=\"inlineStr\"><is><t>1</t></is></c><c t=\"inlineStr\"><is><t>5.1</t></is></c><c t=\"inlineStr\"><is><t>bomb</t></is></c></row>"
                    .getBytes(StandardCharsets.UTF_8);
            long written = 0;
            while (written < 99L * 1024 * 1024) {
                zip.write(row);
                written += row.length;
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A Chinese form with that many distinct comment rows, written by POI's streaming writer. */
    static byte[] manyRows(int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row head = sheet.createRow(0);
            String[] titles = {"序号", "章节号", "修改后内容", "理由"};
            for (int c = 0; c < titles.length; c++) {
                head.createCell(c).setCellValue(titles[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue("5." + (r % 9 + 1));
                row.createCell(2).setCellValue("修改 " + r);
                row.createCell(3).setCellValue("理由 " + r);
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    static byte[] encrypted(byte[] plain) throws IOException {
        try {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                try (OutputStream data = encryptor.getDataStream(fs)) {
                    data.write(plain);
                }
                fs.writeFilesystem(out);
            }
            return out.toByteArray();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String randomChinese(int chars) {
        Random random = new Random(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chars; i++) {
            b.append((char) (0x4e00 + random.nextInt(0x5000)));
        }
        return b.toString();
    }

    private static String sheet(String rows) {
        return "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>" + rows + "</sheetData></worksheet>";
    }

    private static String sharedStrings(int chars) {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\">");
        while (b.length() < chars) {
            b.append("<si><t>");
            for (int i = 0; i < 200; i++) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            b.append("</t></si>");
        }
        return b.append("</sst>").toString();
    }

    private static String randomParagraphs(int chars) {
        Random random = new Random(11);
        StringBuilder b = new StringBuilder();
        while (b.length() < chars) {
            b.append("<w:p><w:r><w:t>");
            for (int i = 0; i < 200; i++) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            b.append("</w:t></w:r></w:p>");
        }
        return b.toString();
    }

    /** The parts of a minimal spreadsheet package but its sheet. */
    private static Map<String, String> packageParts(String sharedStrings) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd."
                + "openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                + "xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>") + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                + "openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>");
        if (sharedStrings != null) {
            parts.put("xl/sharedStrings.xml", sharedStrings);
        }
        return parts;
    }

    /** A spreadsheet package written by hand, so that it can hold what POI would never write. */
    static byte[] xlsx(String sheetXml, String sharedStrings) throws IOException {
        Map<String, String> parts = packageParts(sharedStrings);
        parts.put("xl/worksheets/sheet1.xml", sheetXml);
        return zip(parts);
    }

    static byte[] docx(String documentXml) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd."
                + "openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                + "xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", documentXml);
        return zip(parts);
    }

    private static byte[] zip(Map<String, String> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
