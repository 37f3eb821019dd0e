package dev.watchfloor.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the items of an export on a thread of its own, a batch at a time, while the caller verifies the items read
 * before: parsing a line costs about as much as hashing its entry, so on two cores the file verifies in little more
 * than the time of either. At most a few batches are held, so memory stays bounded whatever the file's length.
 */
final class ReadAhead implements AutoCloseable {

    private static final int BATCH = 1024;
    private static final int BATCHES_AHEAD = 4;
    private static final Object END = new Object();

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean stopped;
    private List<ExportItem> current = List.of();
    private int index;

    ReadAhead(ExportReader reader) {
        thread = Thread.ofPlatform().daemon().name("watchfloor-export-read-ahead").start(() -> run(reader));
    }

    /** The next item, or null at the end; what the reading thread ran into is thrown here. */
    @SuppressWarnings("unchecked")
    ExportItem next() throws IOException {
        while (index == current.size()) {
            Object taken = take();
            if (taken == END) {
                return null;
            } else if (taken instanceof IOException e) {
                throw e;
            } else if (taken instanceof RuntimeException e) {
                throw e;
            }
            current = (List<ExportItem>) taken;
            index = 0;
        }
        return current.get(index++);
    }

    /** Stops reading and waits for the reading thread, so the caller can close the input afterwards. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(ExportReader reader) {
        List<ExportItem> batch = new ArrayList<>(BATCH);
        Object last = END;
        try {
            for (ExportItem item = reader.next(); item != null && !stopped; item = reader.next()) {
                batch.add(item);
                if (batch.size() == BATCH) {
                    batches.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        } catch (IOException | RuntimeException e) {
            last = e; // after the items read before it, so the first problem in the file stays the first reported
        } catch (InterruptedException e) {
            return; // stopped by close()
        }
        try {
            batches.put(batch);
            batches.put(last);
        } catch (InterruptedException e) {
            // stopped by close(): nobody waits for these
        }
    }

    private Object take() throws IOException {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the export", e);
        }
    }
}
