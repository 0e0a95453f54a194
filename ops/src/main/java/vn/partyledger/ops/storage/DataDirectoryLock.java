package vn.partyledger.ops.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Only one service runs on a data directory. The lock is an operating-system lock on a file beside the directory
 * ({@code data/pg.lock} for {@code data/pg}), held for the life of the service and gone with its process however it
 * ends, {@code kill -9} included.
 *
 * <p>It is taken before anything touches the directory: a postmaster.pid naming a live postgres means an orphan of a
 * killed service only when no running service holds this lock. Without it, a second service started by mistake on the
 * same directory took the first one's PostgreSQL for an orphan and shut it down under it.
 */
final class DataDirectoryLock implements Closeable {

    /** Within one JVM the operating system would grant the lock again (and closing a second channel can drop it). */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolveSibling(dir.getFileName() + ".lock");
        if (!HELD_HERE.add(file)) {
            throw inUse(dir, file);
        }
        try {
            Files.createDirectories(dir.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(dir, file);
            }
            return new DataDirectoryLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            throw e;
        }
    }

    private static IllegalStateException inUse(Path dir, Path file) {
        return new IllegalStateException(dir + " is in use by another running ledger service (it holds " + file
                + "): stop that service first, or give this one a data directory of its own");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
