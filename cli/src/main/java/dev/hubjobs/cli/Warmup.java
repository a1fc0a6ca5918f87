package dev.hubjobs.cli;

import dev.hubjobs.JobValidator;

/**
 * Loads and initialises the validator on a second thread while picocli reads the command line on
 * the first. A short run spends most of its time loading classes and running static initialisers,
 * and on a machine with more than one core the second one would otherwise wait. The thread
 * validates one built-in job and drops the result; it never prints and never delays the exit.
 */
final class Warmup {

    private static final String JOB = """
            {"jobId": "warmup", "type": "scheduleUpdateTwin",
             "queryCondition": "tags.site = 'a' AND tags.line IN ['b'] AND NOT is_defined(tags.hold)",
             "startTime": "2030-01-01T00:00:00Z", "maxExecutionTimeInSeconds": 60,
             "updateTwin": {"etag": "*", "tags": {"site": "a"}, "properties": {"desired": {"fw": "1.0", "n": 1}}}}
            """;

    private Warmup() {}

    static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        JobValidator.builder().build().validate(JOB);
                    } catch (RuntimeException | LinkageError e) {
                        // Only a head start: the command itself reports whatever is wrong.
                    }
                },
                "hubjobs-warmup");
        thread.setDaemon(true);
        thread.start();
    }
}
