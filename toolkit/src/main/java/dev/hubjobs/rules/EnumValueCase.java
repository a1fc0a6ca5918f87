package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.QueryFormatter;
import dev.hubjobs.query.Source;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HJ109: a value that never matches because of its case: values compare case-sensitively, and
 * the service spells {@code enabled}, {@code Connected}, device-job {@code completed} and
 * {@code canceled} (one L) exactly so.
 */
public final class EnumValueCase extends QueryRule {

    private static final Map<String, List<String>> DEVICE_VALUES = Map.of(
            "status", List.of("enabled", "disabled"),
            "connectionstate", List.of("Connected", "Disconnected"),
            "authenticationtype", List.of("sas", "selfSigned", "certificateAuthority", "none"));

    private static final Map<String, List<String>> DEVICE_JOB_VALUES = Map.of(
            "status", List.of("pending", "scheduled", "running", "completed", "failed", "canceled"),
            "jobtype", List.of("scheduleDeviceMethod", "scheduleUpdateTwin"));

    public EnumValueCase() {
        super(Meta.of(Codes.ENUM_VALUE_CASE, Severity.WARNING, "value whose case never matches the service's values")
                .withFix());
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        Source source = query.source().orElse(null);
        if (source == null) {
            return;
        }
        for (Expr.Binary b : query.nodes(Expr.Binary.class)) {
            if (b.op() == Expr.BinaryOp.EQ || b.op() == Expr.BinaryOp.NEQ) {
                if (b.left() instanceof Expr.Path p && b.right() instanceof Expr.StringLiteral s) {
                    check(source, p, s, findings);
                } else if (b.right() instanceof Expr.Path p && b.left() instanceof Expr.StringLiteral s) {
                    check(source, p, s, findings);
                }
            }
        }
        for (Expr.In in : query.nodes(Expr.In.class)) {
            if (in.value() instanceof Expr.Path p) {
                for (Expr e : in.list().elements()) {
                    if (e instanceof Expr.StringLiteral s) {
                        check(source, p, s, findings);
                    }
                }
            }
        }
    }

    private static void check(Source source, Expr.Path path, Expr.StringLiteral literal, Findings findings) {
        if (path.segments().size() != 1) {
            return;
        }
        boolean deviceJobs = source == Source.JOBS || path.collection() == Expr.Collection.JOBS;
        List<String> values = (deviceJobs ? DEVICE_JOB_VALUES : DEVICE_VALUES)
                .get(path.first().name().toLowerCase(Locale.ROOT));
        if (values == null || values.contains(literal.value())) {
            return;
        }
        String value = literal.value();
        String right = values.stream()
                .filter(v -> v.equalsIgnoreCase(value))
                .findFirst()
                .orElse(null);
        if (right == null && deviceJobs && value.equalsIgnoreCase("cancelled")) {
            right = "canceled";
        }
        if (right == null) {
            return;
        }
        StringBuilder replacement = new StringBuilder();
        QueryFormatter.writeString(replacement, right, literal.doubleQuoted() ? '"' : '\'');
        findings.reportInQuery(
                literal.span(),
                "'" + value + "' never matches: " + path.dotted()
                        + " values are compared case-sensitively and the service writes '" + right + "'",
                Map.of("suggestions", List.of(right)),
                Fix.safe("Change to '" + right + "'", new TextEdit(literal.span(), replacement.toString())));
    }
}
