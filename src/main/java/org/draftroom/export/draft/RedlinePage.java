package org.draftroom.export.draft;

import java.nio.charset.StandardCharsets;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.RedlineHtml;

/** A redline as one HTML5 file that prints: a title block, then {@link RedlineHtml} with inline styles. */
final class RedlinePage {

    private static final String STYLE = """
            @page { size: A4; margin: 20mm; }
            body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; line-height: 1.7; max-width: 880px;
                   margin: 0 auto; padding: 1em; }
            .dr-rl { border-left: 4px solid transparent; padding: 0.2em 0.8em; margin: 0.3em 0; }
            .dr-rl-body { white-space: pre-wrap; font-size: 0.92em; }
            .dr-rl-added { border-left-color: #2e7d32; } .dr-rl-deleted { border-left-color: #c62828; }
            .dr-rl-moved { border-left-color: #1565c0; } .dr-rl-modified { border-left-color: #e6a700; }
            .dr-rl-unchanged .dr-rl-body, .dr-rl-renumbered .dr-rl-body { display: none; }
            .dr-ins { background: #d7f5dd; color: #0a5c1b; text-decoration: underline; }
            .dr-del { background: #fde0e0; color: #9c1c1c; text-decoration: line-through; }
            .dr-number { font-weight: 700; margin-right: 0.6em; }
            .dr-badge { font-size: 0.75em; border: 1px solid #999; border-radius: 3px; padding: 0 0.4em; margin-left: 0.5em; }
            """;

    private RedlinePage() {
    }

    static byte[] render(RedlineExport export) {
        Language language = export.language();
        String title = export.project().code() + " " + (language == Language.ZH ? export.project().titleZh()
                : export.project().titleEn());
        String heading = (language == Language.ZH ? "修订对照：" : "Redline: ") + export.from().label() + " → "
                + export.to().label();
        String html = "<!DOCTYPE html>\n<html lang=\"" + (language == Language.ZH ? "zh-CN" : "en") + "\"><head>"
                + "<meta charset=\"UTF-8\"><title>" + DraftHtml.escape(title) + "</title><style>" + STYLE
                + "</style></head><body><h1>" + DraftHtml.escape(title) + "</h1><p>" + DraftHtml.escape(heading)
                + " · " + export.exportDate() + "</p>" + RedlineHtml.render(export.redline(), language)
                + "</body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
