package org.draftroom.base.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The two passwords of the embedded PostgreSQL server: the superuser's ({@code postgres}, used only at start-up to
 * prepare the database) and the application role's ({@code draftroom}, owner of the database, no superuser). They are
 * generated on the first start and kept in a file readable only by the application's user (0600), written atomically
 * and flushed to disk before the server ever sees them, so a crash can never leave a server whose password is lost.
 */
record EmbeddedCredentials(String superuser, String application) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the credentials file, or creates it with fresh random passwords when it does not exist. */
    static EmbeddedCredentials loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return new EmbeddedCredentials(p.getProperty("superuser"), p.getProperty("application"));
        }
        EmbeddedCredentials created = new EmbeddedCredentials(secret(), secret());
        Properties p = new Properties();
        p.setProperty("superuser", created.superuser());
        p.setProperty("application", created.application());
        StringWriter text = new StringWriter();
        p.store(text, "Passwords of the embedded PostgreSQL server (keep this file: the server accepts nothing else)");
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(text.toString()));
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
        return created;
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[hidden]";
    }
}
