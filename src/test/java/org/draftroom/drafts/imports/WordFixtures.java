package org.draftroom.drafts.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Word files for the import tests, written with Apache POI the way Word structures them. */
public final class WordFixtures {

    private WordFixtures() {
    }

    public static byte[] docx(Consumer<XWPFDocument> content) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a paragraph style; {@code outlineLevel} null for none; {@code numId} null for no numbering. */
    public static void style(XWPFDocument doc, String id, String name, String basedOn, Integer outlineLevel,
                             BigInteger numId, int ilvl) {
        XWPFStyles styles = doc.getStyles() != null ? doc.getStyles() : doc.createStyles();
        CTStyle st = CTStyle.Factory.newInstance();
        st.setType(STStyleType.PARAGRAPH);
        st.setStyleId(id);
        st.addNewName().setVal(name);
        if (basedOn != null) {
            st.addNewBasedOn().setVal(basedOn);
        }
        if (outlineLevel != null || numId != null) {
            var ppr = st.addNewPPr();
            if (outlineLevel != null) {
                ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
            }
            if (numId != null) {
                var num = ppr.addNewNumPr();
                num.addNewNumId().setVal(numId);
                num.addNewIlvl().setVal(BigInteger.valueOf(ilvl));
            }
        }
        styles.addStyle(new XWPFStyle(st, styles));
    }

    /** A multi-level numbering: {@code levels[i]} = {format, text}, e.g. {"decimal", "%1.%2"}. Returns the numId. */
    public static BigInteger numbering(XWPFDocument doc, int abstractId, String[]... levels) {
        XWPFNumbering numbering = doc.getNumbering() != null ? doc.getNumbering() : doc.createNumbering();
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.valueOf(abstractId));
        for (int i = 0; i < levels.length; i++) {
            CTLvl lvl = abs.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(i));
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(STNumberFormat.Enum.forString(levels[i][0]));
            lvl.addNewLvlText().setVal(levels[i][1]);
        }
        BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering));
        return numbering.addNum(absId);
    }

    public static XWPFParagraph para(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        if (text != null) {
            p.createRun().setText(text);
        }
        return p;
    }

    public static XWPFParagraph numbered(XWPFDocument doc, BigInteger numId, int ilvl, String text) {
        XWPFParagraph p = para(doc, null, text);
        p.setNumID(numId);
        p.setNumILvl(BigInteger.valueOf(ilvl));
        return p;
    }

    /** A small valid PNG. */
    public static byte[] png() {
        try {
            var image = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ByteArrayInputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
