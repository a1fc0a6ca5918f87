package dev.hubjobs.twin;

/**
 * The twins read so far, by a 64-bit hash of deviceId and moduleId, for telling a second twin with
 * the same ids: eight bytes a twin, whatever the ids. Two different ids share a hash with a chance
 * of about one in 10^19 per pair, far below anything a fleet of 10 million twins meets.
 */
final class IdSet {

    /**
     * The table is cut into segments by the hash's top bits, each grown on its own: growing never
     * needs the old and the new copy of the whole table at once (at 10 million twins, 128 MB
     * rather than 192 MB at the moment of growth).
     */
    private static final int SEGMENT_BITS = 6;

    private final long[][] segments = new long[1 << SEGMENT_BITS][];
    private final int[] sizes = new int[1 << SEGMENT_BITS];
    /** 0 marks an empty slot; a hash that is 0 is stored as this. */
    private static final long ZERO = 0x9E3779B97F4A7C15L;

    IdSet() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new long[16];
        }
    }

    /** Adds the twin's ids; false when they were there already. */
    boolean add(String deviceId, String moduleId) {
        return addHash(hash(deviceId, moduleId));
    }

    /** Adds ids by their {@link #hash}; false when they were there already. */
    boolean addHash(long h) {
        if (h == 0) {
            h = ZERO;
        }
        int s = (int) (h >>> (64 - SEGMENT_BITS));
        long[] slots = segments[s];
        if (sizes[s] * 4 >= slots.length * 3) {
            slots = grow(s);
        }
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 29)) & mask;
        while (slots[i] != 0) {
            if (slots[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = h;
        sizes[s]++;
        return true;
    }

    private long[] grow(int s) {
        long[] old = segments[s];
        long[] slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) (h ^ (h >>> 29)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = h;
            }
        }
        segments[s] = slots;
        return slots;
    }

    /** Two independent 32-bit hashes of the ids, one in each half. */
    static long hash(String deviceId, String moduleId) {
        int a = 0x811C9DC5;
        int b = 17;
        a = mix(a, deviceId);
        b = 31 * b + deviceId.hashCode();
        if (moduleId != null) {
            a = mix(a ^ 0x2F, moduleId);
            b = 31 * b + moduleId.hashCode() + 1;
        }
        long h = ((long) a << 32) | (b & 0xFFFFFFFFL);
        // A final avalanche so that the slot index takes every bit into account.
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    /** FNV-1a over the UTF-16 units. */
    private static int mix(int hash, String s) {
        for (int i = 0; i < s.length(); i++) {
            hash = (hash ^ s.charAt(i)) * 0x01000193;
        }
        return hash;
    }
}
