package dev.hubjobs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.job.JobType;
import java.util.Iterator;
import java.util.Optional;

/**
 * What the service refuses synchronously when a job is created, with the error it answers. A
 * condition that does not parse is not among them: the service accepts such a job and fails it
 * when it runs.
 */
final class RequestCheck {

    private RequestCheck() {}

    /** The service's own checks, independent of which validator rules are registered. */
    static Optional<ServiceError> check(JobRequest r) {
        if (r.jobId() == null || r.jobId().isEmpty()) {
            return Optional.of(ServiceError.argumentNull("jobId is required"));
        }
        if (r.type() == null) {
            return Optional.of(ServiceError.argumentNull("type is required"));
        }
        Optional<JobType> type = r.jobType();
        if (type.isEmpty()) {
            return Optional.of(ServiceError.genericBadRequest(
                    "Unknown job type '" + r.type() + "'; expected scheduleDeviceMethod or scheduleUpdateTwin"));
        }
        if (r.queryCondition() == null) {
            return Optional.of(ServiceError.argumentNull("queryCondition is required"));
        }
        if (r.startTime() != null && Times.parse(r.startTime()).isEmpty()) {
            return Optional.of(
                    ServiceError.argumentInvalid("startTime '" + r.startTime() + "' is not an ISO-8601 date-time"));
        }
        if (r.maxExecutionTimeInSeconds() != null && r.maxExecutionTimeInSeconds() < 0) {
            return Optional.of(ServiceError.argumentInvalid("maxExecutionTimeInSeconds must not be negative"));
        }
        if (type.get() == JobType.SCHEDULE_UPDATE_TWIN) {
            return checkTwin(r.updateTwin());
        }
        if (r.cloudToDeviceMethod() == null) {
            return Optional.of(ServiceError.argumentNull("cloudToDeviceMethod is required for scheduleDeviceMethod"));
        }
        if (r.cloudToDeviceMethod().methodName() == null
                || r.cloudToDeviceMethod().methodName().isEmpty()) {
            return Optional.of(ServiceError.argumentInvalid("cloudToDeviceMethod.methodName must not be empty"));
        }
        return Optional.empty();
    }

    private static Optional<ServiceError> checkTwin(ObjectNode patch) {
        if (patch == null) {
            return Optional.of(ServiceError.argumentNull("updateTwin is required for scheduleUpdateTwin"));
        }
        JsonNode etag = patch.get("etag");
        if (etag == null || !etag.isTextual() || !etag.textValue().equals("*")) {
            return Optional.of(ServiceError.argumentInvalid("Missing or invalid etag for job type ScheduleUpdateTwin. "
                    + "ScheduleUpdateTwin job type is a force update, which only accepts '*' as the Etag."));
        }
        if (patch.has("desired") || patch.has("reported")) {
            return Optional.of(ServiceError.argumentInvalid(
                    "updateTwin: desired and reported properties belong under \"properties\""));
        }
        JsonNode tags = patch.get("tags");
        if (tags != null && !tags.isNull() && !tags.isObject()) {
            return Optional.of(ServiceError.argumentInvalid("updateTwin.tags must be an object"));
        }
        JsonNode properties = patch.get("properties");
        if (properties != null && !properties.isNull()) {
            if (!properties.isObject()) {
                return Optional.of(ServiceError.argumentInvalid("updateTwin.properties must be an object"));
            }
            for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                String section = it.next();
                JsonNode value = properties.get(section);
                if (section.equals("desired")) {
                    if (!value.isObject() && !value.isNull()) {
                        return Optional.of(
                                ServiceError.argumentInvalid("updateTwin.properties.desired must be an object"));
                    }
                } else if (section.equals("reported")) {
                    if (!(value.isNull() || (value.isObject() && value.isEmpty()))) {
                        return Optional.of(
                                ServiceError.argumentInvalid(
                                        "updateTwin cannot change properties.reported: reported properties belong to the device"));
                    }
                } else {
                    return Optional.of(ServiceError.argumentInvalid(
                            "updateTwin.properties." + section + " is not a twin section (desired, reported)"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first validator error the service would also refuse, mapped to its error. Query
     * findings (HJ01x, HJ1xx) are left to run time, where the job fails, except an over-long
     * condition, which the service refuses outright.
     */
    static Optional<ServiceError> fromValidation(ValidationResult result) {
        for (Diagnostic d : result.errors()) {
            String code = d.code();
            String text = d.message() + " [" + code + "]";
            if (code.equals(Codes.QUERY_TOO_LONG)) {
                return Optional.of(ServiceError.preconditionFailed(text));
            }
            if (Codes.isQuery(code)) {
                continue;
            }
            switch (code) {
                case Codes.JOB_TYPE_NAME:
                    return Optional.of(ServiceError.genericBadRequest(text));
                case Codes.REQUIRED_FIELD:
                    return Optional.of(ServiceError.argumentNull(text));
                case Codes.PAYLOAD_SIZE:
                    return Optional.of(ServiceError.messageTooLarge(text));
                default:
                    return Optional.of(ServiceError.argumentInvalid(text));
            }
        }
        return Optional.empty();
    }
}
