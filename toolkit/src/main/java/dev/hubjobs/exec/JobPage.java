package dev.hubjobs.exec;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /jobs/v2/query}. {@code continuationToken} is opaque and absent on the
 * last page (the SDKs stop paging exactly when the token is missing).
 */
public record JobPage(List<JobResponse> items, Optional<String> continuationToken) {
    public JobPage {
        items = List.copyOf(items);
    }
}
