package org.draftroom.drafts.imports;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX reading of Office XML: no DTDs, no external entities (so no XXE and no entity expansion bombs). */
final class Xml {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static final XMLInputFactory FACTORY = factory();

    private Xml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    static XMLStreamReader reader(byte[] bytes) throws XMLStreamException {
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
        }
    }

    /** The value of a {@code w:}-namespaced attribute (or one without namespace), or null. */
    static String attr(XMLStreamReader r, String local) {
        String v = r.getAttributeValue(W, local);
        if (v == null) {
            v = r.getAttributeValue(null, local);
        }
        return v;
    }

    static boolean isW(XMLStreamReader r, String local) {
        return local.equals(r.getLocalName()) && W.equals(r.getNamespaceURI());
    }

    /** Skips the rest of the element the reader is at the start of. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The text of all {@code w:t} (and {@code m:t}) inside the element the reader is at the start of. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        boolean inT = false;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                inT = "t".equals(r.getLocalName());
                if ("p".equals(r.getLocalName()) && sb.length() > 0) {
                    sb.append(' ');
                }
                if ("tab".equals(r.getLocalName())) {
                    sb.append(' ');
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                inT = false;
            } else if (inT && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)) {
                sb.append(r.getText());
            }
        }
        return sb.toString().strip();
    }
}
