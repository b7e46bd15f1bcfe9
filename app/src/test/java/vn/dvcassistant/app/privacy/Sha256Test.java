package vn.dvcassistant.app.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void hashesAsTheStandardSays() {
        // FIPS 180-2, appendix B.1, and the hash of nothing.
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void threadsHashingAtOnceGetTheSameHashes() {
        List<String> once = IntStream.range(0, 2_000).mapToObj(i -> Sha256.hex("web:" + i)).toList();
        List<String> parallel = IntStream.range(0, 2_000).parallel().mapToObj(i -> Sha256.hex("web:" + i)).toList();
        assertThat(parallel).isEqualTo(once);
    }
}
