package dev.hubjobs.query;

/** The collection a query reads: {@code FROM devices}, {@code devices.modules} or {@code devices.jobs}. */
public enum Source {
    DEVICES("devices"),
    MODULES("devices.modules"),
    JOBS("devices.jobs");

    private final String text;

    Source(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
