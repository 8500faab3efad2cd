package org.draftroom.editing.sync;

import java.util.Random;

/** Random but plausible edits: words in English, Chinese and emoji, deletions, and occasional large pastes. */
final class RandomTyping {

    private static final String[] WORDS = {
        "the ", "shall ", "conform ", "clause ", "标准", "应当", "符合", "本文件", "😀", "👍🏽", "🇨🇳", "𝔸", "\n", ", ", "。"
    };

    private final Random random;

    RandomTyping(Random random) {
        this.random = random;
    }

    /** Applies one random edit to {@code client}'s text, never putting the cursor inside a surrogate pair. */
    void edit(ClientSync client) {
        String text = client.text();
        int at = boundary(text, random.nextInt(text.length() + 1));
        int kind = random.nextInt(100);
        if (kind < 60 || text.isEmpty()) {
            client.edit(at, 0, WORDS[random.nextInt(WORDS.length)]);
        } else if (kind < 90) {
            int end = boundary(text, Math.min(text.length(), at + 1 + random.nextInt(12)));
            client.edit(at, end - at, "");
        } else if (kind < 97) {
            int end = boundary(text, Math.min(text.length(), at + random.nextInt(6)));
            client.edit(at, end - at, WORDS[random.nextInt(WORDS.length)]);
        } else {
            client.edit(at, 0, paste(400 + random.nextInt(8_000)));
        }
    }

    String paste(int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words / 4; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    /** {@code offset}, moved back by one if it falls between the two halves of a surrogate pair. */
    static int boundary(String text, int offset) {
        if (offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))
                && Character.isHighSurrogate(text.charAt(offset - 1))) {
            return offset - 1;
        }
        return offset;
    }

    /** Whether every surrogate in {@code text} is half of a pair. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
