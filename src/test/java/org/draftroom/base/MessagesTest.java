package org.draftroom.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages are complete, and every message key the code names exists. */
class MessagesTest {

    private static final Pattern KEY_USE = Pattern.compile(
            "(?:getTranslation|Exception|Problem|NavigationEntry|jsonEntryPoint\\(messages,)\\(?\\s*\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");

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
    void no_chinese_text_is_left_in_english() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages.properties");
        long translated = zh.stringPropertyNames().stream()
                .filter(k -> zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        assertThat(translated).as("Chinese bundle is really Chinese").isGreaterThan(zh.size() * 3L / 4);
        assertThat(en.stringPropertyNames()).allSatisfy(k -> assertThat(en.getProperty(k).codePoints()
                .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("English text of %s", k).isTrue());
    }

    @Test
    void every_key_named_in_the_code_exists() throws IOException {
        Properties en = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
