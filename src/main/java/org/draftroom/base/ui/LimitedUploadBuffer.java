package org.draftroom.base.ui;

import com.vaadin.flow.component.upload.Receiver;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Receives one uploaded file into memory, keeping at most {@code limit} bytes: the browser's own size check can be
 * skipped by anyone, so the server counts too. Past the limit the rest of the file is read and dropped (so the upload
 * ends normally, without an error in the log) and {@link #tooLarge()} says so; the upload's success listener then
 * refuses the file with a message naming the limit instead of using it.
 */
@SuppressWarnings("deprecation") // Receiver: the upload handler API of Vaadin 24.8 has no per-upload limit either
public final class LimitedUploadBuffer implements Receiver {

    private final long limit;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean tooLarge;

    public LimitedUploadBuffer(long limit) {
        this.limit = limit;
    }

    @Override
    public OutputStream receiveUpload(String fileName, String mimeType) {
        bytes = new ByteArrayOutputStream();
        tooLarge = false;
        return new OutputStream() {
            private long count;

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count += len;
                if (count > limit) {
                    tooLarge = true;
                    bytes = new ByteArrayOutputStream(); // let go of what was kept
                    return;
                }
                bytes.write(b, off, len);
            }
        };
    }

    /** Whether the last file was larger than the limit (its bytes were dropped). */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** The last file's bytes (empty when it was too large). */
    public byte[] bytes() {
        return tooLarge ? new byte[0] : bytes.toByteArray();
    }
}
