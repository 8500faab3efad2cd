package org.draftroom.drafts.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The parts of a Word package that the importer reads, unpacked with limits so that a hostile file cannot exhaust
 * memory: each part is counted while it inflates (a declared size is never trusted) and the reading stops at the
 * first part beyond its limit, at {@link #MAX_ENTRIES} entries, or when everything together unpacks to more than
 * {@link #MAX_TOTAL} bytes. Only the parts under {@code word/} are kept; the others are inflated and counted only.
 *
 * <p>Refusals (message keys): {@code draft.word.not-word} (not a zip, or a zip without {@code word/document.xml}),
 * {@code draft.word.old-format} (a Word 97-2003 .doc), {@code draft.word.encrypted} (a password-protected file, which
 * Office stores as an OLE2 container holding {@code EncryptionInfo}), {@code draft.word.damaged} (a broken zip),
 * {@code draft.word.unpacks-too-large} [limit in MB, part name] (zip bombs and oversized parts).
 */
final class DocxPackage {

    /** The main document part may unpack to at most 48 MiB (a 1,000-page standard is about 10 MiB). */
    static final long MAX_DOCUMENT = 48L * 1024 * 1024;
    /** Styles, numbering, comments, footnotes and the other XML parts: 8 MiB each. */
    static final long MAX_XML = 8L * 1024 * 1024;
    /** One image: 16 MiB. */
    static final long MAX_MEDIA = 16L * 1024 * 1024;
    /** Everything together: 96 MiB, counted while inflating. */
    static final long MAX_TOTAL = 96L * 1024 * 1024;
    static final int MAX_ENTRIES = 5000;

    private final Map<String, byte[]> parts;

    private DocxPackage(Map<String, byte[]> parts) {
        this.parts = parts;
    }

    Optional<byte[]> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    static DocxPackage open(byte[] bytes) throws WordRefusal {
        if (isOle2(bytes)) {
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                    throw new WordRefusal("draft.word.encrypted");
                }
                if (fs.getRoot().hasEntry("WordDocument")) {
                    throw new WordRefusal("draft.word.old-format");
                }
            } catch (IOException | RuntimeException e) {
                throw new WordRefusal("draft.word.damaged");
            }
            throw new WordRefusal("draft.word.not-word");
        }
        if (!isZip(bytes)) {
            throw new WordRefusal("draft.word.not-word");
        }
        Map<String, byte[]> parts = new HashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            byte[] buffer = new byte[16 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new WordRefusal("draft.word.unpacks-too-large", MAX_TOTAL >> 20, entry.getName());
                }
                String name = entry.getName();
                boolean keep = !entry.isDirectory() && name.startsWith("word/") && name.length() < 512;
                long limit = limit(name);
                ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
                long size = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    size += n;
                    total += n;
                    if (size > limit) {
                        throw new WordRefusal("draft.word.unpacks-too-large", limit >> 20, name);
                    }
                    if (total > MAX_TOTAL) {
                        throw new WordRefusal("draft.word.unpacks-too-large", MAX_TOTAL >> 20, name);
                    }
                    if (out != null) {
                        out.write(buffer, 0, n);
                    }
                }
                if (out != null) {
                    parts.putIfAbsent(name, out.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new WordRefusal("draft.word.damaged");
        }
        if (entries == 0) {
            throw new WordRefusal("draft.word.damaged");
        }
        if (!parts.containsKey("word/document.xml")) {
            throw new WordRefusal("draft.word.not-word");
        }
        return new DocxPackage(parts);
    }

    private static long limit(String name) {
        if (name.equals("word/document.xml")) {
            return MAX_DOCUMENT;
        }
        if (name.endsWith(".xml") || name.endsWith(".rels")) {
            return MAX_XML;
        }
        return MAX_MEDIA;
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7);
    }

    static boolean isOle2(byte[] b) {
        return b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11
                && (b[3] & 0xff) == 0xE0;
    }

    static InputStream stream(byte[] part) {
        return new ByteArrayInputStream(part);
    }
}
