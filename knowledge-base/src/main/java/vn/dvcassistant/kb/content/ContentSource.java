package vn.dvcassistant.kb.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where content files come from: a directory an operator configures (editors change files and
 * reload), or the copy packaged into the jar under {@code kb-content/}.
 */
public final class ContentSource {

    /** Classpath folder the build copies {@code content/} into. */
    public static final String CLASSPATH_ROOT = "kb-content";

    /** A file every content root has; used to find the root on the classpath. */
    private static final String MARKER = "synonyms.yml";

    private final Path directory;
    private final String classpathRoot;

    private ContentSource(Path directory, String classpathRoot) {
        this.directory = directory;
        this.classpathRoot = classpathRoot;
    }

    public static ContentSource directory(Path directory) {
        return new ContentSource(directory, null);
    }

    public static ContentSource classpath() {
        return new ContentSource(null, CLASSPATH_ROOT);
    }

    public static ContentSource classpath(String root) {
        return new ContentSource(null, root);
    }

    public String describe() {
        return directory != null ? directory.toAbsolutePath().toString() : "classpath:" + classpathRoot;
    }

    /**
     * Reads every YAML file under the root, sorted by path.
     *
     * @throws IOException when the root is missing or unreadable
     */
    public List<ContentFile> read() throws IOException {
        if (directory != null) {
            if (!Files.isDirectory(directory)) {
                throw new IOException("content directory not found: " + directory.toAbsolutePath());
            }
            return readTree(directory);
        }
        return readClasspath();
    }

    private List<ContentFile> readClasspath() throws IOException {
        String markerName = classpathRoot + "/" + MARKER;
        URL marker = ContentSource.class.getClassLoader().getResource(markerName);
        if (marker == null) {
            throw new IOException("no " + markerName + " on the classpath");
        }
        URI uri = toUri(marker);
        if ("file".equals(uri.getScheme())) {
            return readTree(Path.of(uri).getParent());
        }
        if ("jar".equals(uri.getScheme())) {
            // jar:file:/app.jar!/kb-content/synonyms.yml: walk the jar with a private zip file system,
            // because class loaders cannot list a folder inside a jar.
            String spec = uri.getRawSchemeSpecificPart();
            Path jar = Path.of(toUri(new URL(spec.substring(0, spec.indexOf("!/")))));
            try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                return readTree(zip.getPath("/" + classpathRoot));
            }
        }
        throw new IOException("cannot list classpath content at " + marker);
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad content location " + url, e);
        }
    }

    private static List<ContentFile> readTree(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yml")
                            || p.getFileName().toString().endsWith(".yaml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        List<ContentFile> out = new ArrayList<>(files.size());
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
            try {
                out.add(new ContentFile(relative, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (java.nio.charset.MalformedInputException e) {
                out.add(new ContentFile(relative, null));
            }
        }
        return out;
    }
}
