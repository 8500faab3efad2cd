package org.draftroom.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages are complete, and every message key the code names exists. */
class MessagesTest {

    /** A string literal that looks like a message key of one of the bundle's namespaces. */
    private static final Pattern KEY_USE = Pattern.compile("\"((?:app|action|nav|role|login|home|users?|organisations"
            + "|working-groups|directory|profile|token|validation|error|api|draft|drafts|projects?|stage|doctype|history|redline|comment|upload|export|rounds?|dispositions?|dashboard|notifications?|registration|sheet)\\.[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*)\"");

    /** Literals of that shape that are file names, YAML fields or key prefixes, not message keys. */
    private static final Set<String> NOT_KEYS = Set.of("draft.md", "project.yaml", "history.yaml", "stage.code",
            "stage.key", "draft.op.add", "comment.anchor");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chinese_and_english_have_exactly_the_same_keys() throws IOException {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        assertThat(zh).as("keys missing in Chinese").containsAll(en);
        assertThat(en).as("keys missing in English").containsAll(zh);
    }

    @Test
    void the_chinese_bundle_is_translated() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        long translated = zh.stringPropertyNames().stream().filter(k -> zh.getProperty(k).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count();
        assertThat(translated).isGreaterThan(zh.size() * 9L / 10);
    }

    @Test
    void every_text_with_arguments_is_a_valid_message_format() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                MessageFormat format = new MessageFormat(p.getProperty(key));
                Format[] formats = format.getFormatsByArgumentIndex();
                Object[] args = new Object[formats.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = formats[i] instanceof NumberFormat ? (Object) 12345 : "x";
                }
                assertThat(format.format(args)).as(bundle + " " + key).doesNotContain("{0").doesNotContain("{1");
            }
        }
    }

    @Test
    void every_key_named_in_the_code_exists() throws IOException {
        Properties en = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!en.containsKey(m.group(1)) && !NOT_KEYS.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
