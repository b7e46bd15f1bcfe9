package vn.dvcassistant.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Saved channel payloads under src/test/resources. */
public final class Samples {

    private Samples() {}

    public static String read(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
