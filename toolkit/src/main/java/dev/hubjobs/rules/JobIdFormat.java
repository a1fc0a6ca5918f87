package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.text.Span;

/**
 * HJ206: {@code jobId} empty, longer than 64 characters, or with characters other than US-ASCII
 * letters, digits and {@code -} (the current service documentation). Each run of bad characters
 * is reported where it stands.
 */
public final class JobIdFormat extends Rule {

    public JobIdFormat() {
        super(Meta.of(
                Codes.JOB_ID_FORMAT,
                Severity.ERROR,
                "jobId empty, longer than 64, or with characters other than letters, digits, -"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (!(job.object().getOrNull(JobFields.JOB_ID) instanceof JsonString id)) {
            return;
        }
        String value = id.value();
        if (value.isEmpty()) {
            findings.report(id.span(), "jobId is empty");
            return;
        }
        int max = job.limits().maxJobIdLength();
        if (value.length() > max) {
            findings.report(id.span(), "jobId is " + value.length() + " characters long; the limit is " + max);
        }
        int i = 0;
        while (i < value.length()) {
            if (allowed(value.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < value.length() && !allowed(value.charAt(i))) {
                i++;
            }
            String run = value.substring(start, i);
            findings.report(
                    id.documentSpan(Span.of(start, i)),
                    "jobId may hold only US-ASCII letters, digits and " + "'-'; found " + CharacterSet.describe(run));
        }
    }

    /** The ASCII characters {@link JobFields#JOB_ID_CHARACTER} allows, tabulated once. */
    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c = 0; c < ALLOWED.length; c++) {
            ALLOWED[c] = JobFields.JOB_ID_CHARACTER.matcher(String.valueOf(c)).matches();
        }
    }

    private static boolean allowed(char c) {
        return c < ALLOWED.length && ALLOWED[c];
    }
}
