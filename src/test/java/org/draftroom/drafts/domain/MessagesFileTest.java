package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessagesFileTest {

    static final Path FILE = Path.of("src/main/resources/drafts-messages-for-merge.properties");
    static final Path SOURCES = Path.of("src/main/java/org/draftroom/drafts/domain");
    static final Pattern KEY = Pattern.compile("\"(draft\\.(?:format|import|check|outline)\\.[a-z0-9-]+)\"");

    static Properties section(boolean chinese) throws IOException {
        String text = Files.readString(FILE, StandardCharsets.UTF_8);
        int split = text.indexOf("\n# zh\n");
        Properties p = new Properties();
        p.load(new StringReader(chinese ? text.substring(split) : text.substring(0, split)));
        return p;
    }

    static Set<String> keysUsedInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void every_key_the_code_uses_has_an_english_and_a_chinese_text() throws IOException {
        Set<String> used = keysUsedInCode();

        assertThat(used).hasSizeGreaterThan(20);
        assertThat(section(false).stringPropertyNames()).containsAll(used);
        assertThat(section(true).stringPropertyNames()).containsAll(used);
    }

    @Test
    void both_languages_define_the_same_keys_and_no_unused_ones() throws IOException {
        assertThat(section(true).stringPropertyNames()).isEqualTo(section(false).stringPropertyNames());
        assertThat(new TreeSet<>(section(false).stringPropertyNames())).isEqualTo(keysUsedInCode());
    }

    @Test
    void every_text_is_a_valid_message_format() throws IOException {
        for (boolean chinese : new boolean[] {false, true}) {
            Properties p = section(chinese);
            for (String key : p.stringPropertyNames()) {
                MessageFormat format = new MessageFormat(p.getProperty(key));
                java.text.Format[] formats = format.getFormatsByArgumentIndex();
                Object[] args = new Object[formats.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = formats[i] instanceof java.text.NumberFormat ? (Object) 12345 : "x";
                }
                String formatted = format.format(args);
                assertThat(formatted).as(key).doesNotContain("{0").doesNotContain("{1");
            }
        }
    }
}
