package org.draftroom.export;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The files rendered lately, by what they were rendered from, least recently used dropped first once their bytes pass
 * a bound. A version of a draft never changes, so a file rendered from it stays right as long as its key holds all the
 * inputs; the PDF of a large draft costs seconds, handing it again costs nothing. Callers get the cached array itself
 * and must not change it. Thread-safe; two threads asking for the same missing file may both render it.
 */
final class RenderedFiles<K> {

    private final long maxBytes;
    private final LinkedHashMap<K, byte[]> files = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RenderedFiles(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] get(K key, Supplier<byte[]> render) {
        synchronized (this) {
            byte[] file = files.get(key);
            if (file != null) {
                return file;
            }
        }
        byte[] file = render.get();
        if (file.length <= maxBytes / 4) {
            synchronized (this) {
                byte[] old = files.put(key, file);
                bytes += file.length - (old == null ? 0 : old.length);
                for (Iterator<Map.Entry<K, byte[]>> it = files.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
                    bytes -= it.next().getValue().length;
                    it.remove();
                }
            }
        }
        return file;
    }

    synchronized void clear() {
        files.clear();
        bytes = 0;
    }

    synchronized int size() {
        return files.size();
    }
}
