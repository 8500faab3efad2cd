"""Edits a Word file in LibreOffice (headless, through UNO) and saves it as Word again.

Usage: python3 edit.py <in.docx> <out.docx> <edits.json>
edits.json: [{"op": "replace", "find": "...", "with": "..."},
             {"op": "delete-paragraph", "find": "..."},
             {"op": "insert-paragraph-after", "find": "...", "text": "..."}]
Each "find" must occur exactly once.
"""
import json, os, subprocess, sys, tempfile, time, uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(src, dst, edits):
    pipe = "dr%d" % os.getpid()
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
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           (prop("Hidden", True),))
        text = doc.getText()
        for edit in edits:
            search = doc.createSearchDescriptor()
            search.setSearchString(edit["find"])
            found = doc.findAll(search)
            if found.getCount() != 1:
                raise SystemExit("%r found %d times" % (edit["find"], found.getCount()))
            where = found.getByIndex(0)
            if edit["op"] == "replace":
                where.setString(edit["with"])
            elif edit["op"] == "delete-paragraph":
                cursor = where.getText().createTextCursorByRange(where)
                cursor.gotoStartOfParagraph(False)
                cursor.gotoEndOfParagraph(True)
                cursor.goRight(1, True)
                cursor.setString("")
            elif edit["op"] == "insert-paragraph-after":
                cursor = where.getText().createTextCursorByRange(where)
                cursor.gotoEndOfParagraph(False)
                where.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
                where.getText().insertString(cursor, edit["text"], False)
            else:
                raise SystemExit("unknown edit " + edit["op"])
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
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
    with open(sys.argv[3], encoding="utf-8") as f:
        main(sys.argv[1], sys.argv[2], json.load(f))
