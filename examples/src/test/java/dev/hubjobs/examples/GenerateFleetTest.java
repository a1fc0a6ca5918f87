package dev.hubjobs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateFleetTest {

    @Test
    void writesLoadableNdjsonAndArrayFilesDeterministically(@TempDir Path dir) throws Exception {
        Path nd = dir.resolve("fleet.ndjson");
        Path arr = dir.resolve("fleet.json");
        GenerateFleet.main(new String[] {"300", "5", nd.toString(), "10"});
        GenerateFleet.main(new String[] {"300", "5", arr.toString(), "10"});
        assertThat(Files.readString(arr)).startsWith("[");
        FleetLoad a = FleetLoader.load(nd, ProgressListener.NONE);
        FleetLoad b = FleetLoader.load(arr, ProgressListener.NONE);
        assertThat(a.problems()).isEmpty();
        assertThat(a.fleet().devices()).hasSize(270).isEqualTo(b.fleet().devices());
        assertThat(a.fleet().modules()).hasSize(30);

        Path again = dir.resolve("again.ndjson");
        GenerateFleet.main(new String[] {"300", "5", again.toString(), "10"});
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(nd));
    }
}
