package dev.hubjobs.twin;

/** JSON {@code null} in the compact twin form; Java {@code null} means "no such property". */
public enum TwinNull {
    NULL;

    @Override
    public String toString() {
        return "null";
    }
}
