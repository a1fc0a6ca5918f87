package dev.hubjobs.exec;

import static dev.hubjobs.exec.Fixtures.clock;
import static dev.hubjobs.exec.Fixtures.fleet;
import static dev.hubjobs.exec.Fixtures.methodJob;
import static dev.hubjobs.exec.Fixtures.twinJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobListTest {

    private final JobExecutor ex = JobExecutor.builder(fleet(), clock()).build();

    private List<String> all(String type, String status, Integer pageSize, List<Integer> pageSizes) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            JobPage page = ex.list(type, status, pageSize, token);
            pageSizes.add(page.items().size());
            page.items().forEach(r -> ids.add(r.jobId()));
            token = page.continuationToken().orElse(null);
        } while (token != null);
        return ids;
    }

    @Test
    void pagesOfAtMostOneHundredAndTheLastHasNoToken() {
        for (int i = 0; i < 250; i++) {
            ex.schedule(twinJob("j" + i, "*"));
        }
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = all(null, null, null, sizes);
        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(ids)
                .hasSize(250)
                .doesNotHaveDuplicates()
                .startsWith("j0", "j1")
                .endsWith("j249");

        sizes.clear();
        assertThat(all(null, null, 500, sizes)).hasSize(250);
        assertThat(sizes).containsExactly(100, 100, 50);

        JobPage exact = ex.list(null, null, 250, null);
        assertThat(exact.items()).hasSize(100);
        JobPage one = ex.list(
                null,
                null,
                null,
                ex.list(
                                null,
                                null,
                                240,
                                ex.list(null, null, 100, null)
                                        .continuationToken()
                                        .orElseThrow())
                        .continuationToken()
                        .orElseThrow());
        assertThat(one.items()).hasSize(50);
        assertThat(one.continuationToken()).isEmpty();
    }

    @Test
    void exactMultipleEndsWithoutToken() {
        for (int i = 0; i < 4; i++) {
            ex.schedule(twinJob("j" + i, "*"));
        }
        JobPage first = ex.list(null, null, 2, null);
        JobPage second = ex.list(null, null, 2, first.continuationToken().orElseThrow());
        assertThat(second.items()).extracting(JobResponse::jobId).containsExactly("j2", "j3");
        assertThat(second.continuationToken()).isEmpty();
        assertThat(ex.list(null, null, null, null).continuationToken()).isEmpty();
    }

    @Test
    void filtersByTypeAndStatus() {
        ex.schedule(twinJob("t1", "*"));
        ex.schedule(methodJob("m1", "*", null, null));
        ex.tick();
        ex.schedule(twinJob("t2", "*").withStartTime("2026-02-01T00:00:00Z"));
        ex.schedule(methodJob("m2", "*", null, null));
        List<Integer> sizes = new ArrayList<>();
        assertThat(all("scheduleUpdateTwin", null, 1, sizes)).containsExactly("t1", "t2");
        assertThat(sizes).containsExactly(1, 1);
        assertThat(all("scheduleDeviceMethod", "queued", null, new ArrayList<>()))
                .containsExactly("m2");
        assertThat(all(null, "completed", null, new ArrayList<>())).containsExactly("t1", "m1");
        assertThat(all(null, "cancelled", null, new ArrayList<>())).isEmpty();
    }

    @Test
    void tokensAreOpaqueAndTiedToTheirQuery() {
        for (int i = 0; i < 3; i++) {
            ex.schedule(twinJob("j" + i, "*"));
        }
        String token = ex.list(null, null, 1, null).continuationToken().orElseThrow();
        assertThat(token).doesNotContain("j1").doesNotContainPattern("^\\d+$");
        assertThatThrownBy(() -> ex.list("scheduleDeviceMethod", null, 1, token))
                .isInstanceOfSatisfying(
                        JobServiceException.class,
                        e -> assertThat(e.error().code()).isEqualTo(400004));
        assertThatThrownBy(() -> ex.list(null, null, 1, "garbage!"))
                .isInstanceOfSatisfying(
                        JobServiceException.class,
                        e -> assertThat(e.error().code()).isEqualTo(400004));
        assertThatThrownBy(() -> ex.list("scheduleTwinUpdate", null, 1, null)).isInstanceOf(JobServiceException.class);
        assertThatThrownBy(() -> ex.list(null, "canceled", 1, null)).isInstanceOf(JobServiceException.class);
        assertThatThrownBy(() -> ex.list(null, null, 0, null)).isInstanceOf(JobServiceException.class);
    }
}
