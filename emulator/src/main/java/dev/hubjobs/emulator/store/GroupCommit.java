package dev.hubjobs.emulator.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Commits the writes of concurrent requests together: the writes queued while one transaction
 * is being committed go into the next, one transaction and one sync to disk for all of them.
 * Writes are committed in the order they were queued, so callers that queue while holding the
 * lock that orders their changes in memory get the same order on disk. A caller answers only
 * after {@link Pending#await()} returned: nothing is acknowledged before it is durable.
 *
 * <p>A caller may change its state in memory before the commit (and answer after it), so once a
 * commit fails, memory may hold what the store does not: every write of that transaction, and
 * every write after it, fails with the store's error, and the emulator needs a restart. The
 * stores fail only when the disk or the database does, which a retry would not mend.
 */
public final class GroupCommit implements AutoCloseable {

    /** A queued write. */
    public static final class Pending {
        private final Store.Work work;
        private boolean done;
        private RuntimeException failure;

        private Pending(Store.Work work) {
            this.work = work;
        }
    }

    private final Store store;
    private final Thread writer;
    private List<Pending> queue = new ArrayList<>();
    private boolean closing;
    /** Why a commit failed; from then on every write fails. */
    private RuntimeException broken;

    /** Starts the thread that commits to {@code store}; from now on only that thread writes to it. */
    public GroupCommit(Store store) {
        this.store = store;
        this.writer = new Thread(this::run, "hubjobs-commits");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues {@code work} for the next transaction. */
    public synchronized Pending submit(Store.Work work) {
        if (broken != null) {
            throw new StoreException(
                    "an earlier write could not be committed (" + broken.getMessage() + "); restart the emulator",
                    broken);
        }
        if (closing) {
            throw new StoreException("the store is closed", null);
        }
        Pending p = new Pending(work);
        queue.add(p);
        notifyAll();
        return p;
    }

    /**
     * Waits until {@code p} is committed; throws what stopped it if it was not. Waits on through
     * interrupts (the write may still be committed, and the caller must not answer before it
     * knows), and then sets the thread's interrupt flag again.
     */
    public void await(Pending p) {
        boolean interrupted = false;
        synchronized (this) {
            while (!p.done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (p.failure != null) {
            throw p.failure;
        }
    }

    /** Queues {@code work} and waits for its commit. */
    public void write(Store.Work work) {
        await(submit(work));
    }

    private void run() {
        while (true) {
            List<Pending> batch;
            synchronized (this) {
                while (queue.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // only close() ends this thread, once the queue is empty
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                batch = queue;
                queue = new ArrayList<>();
            }
            RuntimeException failure = commit(batch);
            synchronized (this) {
                if (failure != null && broken == null) {
                    broken = failure;
                }
                for (Pending p : batch) {
                    p.failure = failure;
                    p.done = true;
                }
                notifyAll();
            }
        }
    }

    /** Commits the batch in one transaction; what stopped it, or null. */
    private RuntimeException commit(List<Pending> batch) {
        try {
            store.write(tx -> {
                for (Pending p : batch) {
                    p.work.run(tx);
                }
            });
            return null;
        } catch (StoreException e) {
            return e;
        } catch (RuntimeException | Error e) { // the callers wait: this thread must go on
            return new StoreException("the store failed: " + e, e);
        }
    }

    /** Commits what is queued, then stops the thread; the store stays open. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
