"""Writes Word files from scratch in LibreOffice (headless, through UNO), as a person typing in Writer would.

Usage: python3 make.py <spec.json>
spec.json: [{"out": "/path/a.docx", "chapterNumbering": false,
             "paragraphs": [{"style": "Heading 1", "text": "范围"}, {"text": "本文件规定了..."}]}]
"style" is a Writer paragraph style (default: the body style). With "chapterNumbering", Heading 1-3 are numbered
1, 1.1, 1.1.1 by a Writer list style, which Word files keep as automatic numbering (numbering.xml).
"""
import json, os, subprocess, sys, tempfile, time, uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

ARABIC = 4


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def heading_numbering(doc):
    """A list style numbering headings 1, 1.1, 1.1.1, as Writer's Format > Bullets and Numbering makes one."""
    style = doc.createInstance("com.sun.star.style.NumberingStyle")
    doc.getStyleFamilies().getByName("NumberingStyles").insertByName("Headings", style)
    rules = style.getPropertyValue("NumberingRules")
    for level in range(3):
        props = list(rules.getByIndex(level))
        for p in props:
            if p.Name == "NumberingType":
                p.Value = ARABIC
            elif p.Name == "ListFormat":
                p.Value = ".".join("%%%d%%" % (i + 1) for i in range(level + 1))
            elif p.Name in ("Prefix", "Suffix"):
                p.Value = ""
        uno.invoke(rules, "replaceByIndex", (level, uno.Any("[]com.sun.star.beans.PropertyValue", tuple(props))))
    style.setPropertyValue("NumberingRules", rules)
    return "Headings"


def write(desktop, spec):
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
    numbering = heading_numbering(doc) if spec.get("chapterNumbering") else None
    text = doc.getText()
    cursor = text.createTextCursor()
    first = True
    for para in spec["paragraphs"]:
        if not first:
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        first = False
        style = para.get("style", "Default Paragraph Style")
        cursor.setPropertyValue("ParaStyleName", style)
        if numbering and style.startswith("Heading "):
            cursor.setPropertyValue("NumberingStyleName", numbering)
            cursor.setPropertyValue("NumberingLevel", int(style.split()[-1]) - 1)
        elif numbering:
            cursor.setPropertyValue("NumberingStyleName", "")
        text.insertString(cursor, para["text"], False)
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(spec["out"])), (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)


def main(specs):
    pipe = "drmake%d" % os.getpid()
    profile = tempfile.mkdtemp(prefix="dr-lo-")
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=file://" + profile,
                               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for spec in specs:
            write(desktop, spec)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        main(json.load(f))
