package dev.hubjobs.twin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which keys of a record a reader keeps: the keys on the paths a query reads, matched as the
 * query language matches names (case-insensitively, so every spelling that could win is kept),
 * each path's value whole. Everything else is skipped over by the parser without being built.
 * Immutable, so parsing threads share it.
 */
final class KeyFilter {

    /** Keeps a value whole. */
    static final KeyFilter ALL = new KeyFilter(new String[0], new KeyFilter[0]);

    /** Lower-cased names ({@link Locale#ROOT}, as {@link Shape#resolve} folds them). */
    private final String[] names;

    private final KeyFilter[] children;

    /** Whether every name is ASCII, so that an ASCII key can be compared as bytes ({@link #childAscii}). */
    private final boolean asciiNames;

    private KeyFilter(String[] names, KeyFilter[] children) {
        this.names = names;
        this.children = children;
        this.asciiNames = Arrays.stream(names).allMatch(n -> n.chars().allMatch(c -> c < 0x80));
    }

    /**
     * The filter of a twin that keeps these paths (each a list of names) and the twin's ids; an
     * empty path keeps everything.
     */
    static KeyFilter of(List<List<String>> paths) {
        Builder root = new Builder();
        root.add(List.of("deviceId"));
        root.add(List.of("moduleId"));
        for (List<String> path : paths) {
            if (path.isEmpty()) {
                return ALL;
            }
            root.add(path);
        }
        return root.build();
    }

    /** Export record keys by the twin key they become ({@link ExportDevices}). */
    private static final String[][] EXPORT_KEYS = {
        {"deviceid", "id"},
        {"etag", "twinETag"},
        {"deviceetag", "eTag"},
        {"authenticationtype", "authentication"},
        {"x509thumbprint", "authentication"},
    };

    /**
     * The filter for an export record whose twin this filter is for: the record keys that become
     * the twin keys this filter keeps ({@code id} for {@code deviceId}, the whole
     * {@code authentication} for its type), with the same filter below them.
     */
    KeyFilter forExport() {
        if (this == ALL) {
            return ALL;
        }
        List<String> n = new ArrayList<>();
        List<KeyFilter> c = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String as = names[i];
            KeyFilter sub = children[i];
            for (String[] k : EXPORT_KEYS) {
                if (k[0].equals(names[i])) {
                    as = k[1].toLowerCase(Locale.ROOT);
                    sub = ALL;
                }
            }
            int at = n.indexOf(as);
            if (at < 0) {
                n.add(as);
                c.add(sub);
            } else {
                c.set(at, ALL);
            }
        }
        return new KeyFilter(n.toArray(new String[0]), c.toArray(new KeyFilter[0]));
    }

    /** The filter for the value of {@code key}: null to skip it, {@link #ALL} to keep it whole. */
    KeyFilter child(String key) {
        if (this == ALL) {
            return ALL;
        }
        boolean ascii = true;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        String lower = ascii ? null : key.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (ascii ? key.equalsIgnoreCase(names[i]) : lower.equals(names[i])) {
                return children[i];
            }
        }
        return null;
    }

    boolean asciiNames() {
        return asciiNames;
    }

    /**
     * {@link #child} of an ASCII key given as its bytes {@code b[from, to)}, for a filter whose
     * names are ASCII too: the same comparison without making the key a string.
     */
    KeyFilter childAscii(byte[] b, int from, int to) {
        if (this == ALL) {
            return ALL;
        }
        int n = to - from;
        next:
        for (int k = 0; k < names.length; k++) {
            String name = names[k];
            if (name.length() != n) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                int c = b[from + j];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != name.charAt(j)) {
                    continue next;
                }
            }
            return children[k];
        }
        return null;
    }

    private static final class Builder {
        final List<String> names = new ArrayList<>();
        final List<Builder> children = new ArrayList<>();
        boolean whole;

        void add(List<String> path) {
            Builder at = this;
            for (String name : path) {
                if (at.whole) {
                    return;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                int i = at.names.indexOf(lower);
                if (i < 0) {
                    at.names.add(lower);
                    at.children.add(new Builder());
                    i = at.names.size() - 1;
                }
                at = at.children.get(i);
            }
            at.whole = true;
            at.names.clear();
            at.children.clear();
        }

        KeyFilter build() {
            if (whole) {
                return ALL;
            }
            KeyFilter[] c = new KeyFilter[children.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = children.get(i).build();
            }
            return new KeyFilter(names.toArray(new String[0]), c);
        }
    }
}
