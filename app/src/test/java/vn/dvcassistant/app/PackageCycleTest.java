package vn.dvcassistant.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature package may use the shared ones (province, web, privacy, api, ...), and no two packages may
 * use each other, directly or round a loop: a maintainer can then read a package knowing only what it
 * imports. Read from the sources' imports and fully qualified names, so a new cycle fails the build.
 */
class PackageCycleTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/dvcassistant/app");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package vn\\.dvcassistant\\.app\\.?([a-z0-9_.]*);");
    /** An import or a qualified use: vn.dvcassistant.app.<package>.<Type>. */
    private static final Pattern REFERENCE = Pattern.compile("vn\\.dvcassistant\\.app\\.([a-z0-9_.]+?)\\.[A-Z]");

    @Test
    void noCycleAmongTheTopLevelPackages() {
        Map<String, Set<String>> graph = graph(pkg -> pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg);
        assertThat(graph).containsKeys("conversation", "comments", "province", "channel");
        assertThat(cycle(graph)).as("import cycle among vn.dvcassistant.app.<package>").isEmpty();
    }

    @Test
    void noCycleBetweenAnyPackagesIncludingSubPackages() {
        Map<String, Set<String>> graph = graph(UnaryOperator.identity());
        assertThat(graph).containsKeys("channel", "channel.telegram", "channel.zalo");
        assertThat(cycle(graph)).as("import cycle between packages (channel and its sub-packages included)").isEmpty();
    }

    @Test
    void theProvinceSettingUsesNoFeature() {
        assertThat(graph(UnaryOperator.identity()).get("province")).isEmpty();
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")));
        assertThat(cycle(graph)).contains(List.of("a", "b", "c", "a"));
    }

    private static Map<String, Set<String>> graph(UnaryOperator<String> node) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find() || declared.group(1).isEmpty()) {
                    continue; // the application's root package wires everything
                }
                String from = node.apply(declared.group(1));
                Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(source);
                while (reference.find()) {
                    String to = node.apply(reference.group(1));
                    if (!to.equals(from)) {
                        targets.add(to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** One cycle as a path that ends where it starts, or empty. */
    static Optional<List<String>> cycle(Map<String, Set<String>> graph) {
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            Optional<List<String>> found = visit(start, graph, new ArrayList<>(), done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String node, Map<String, Set<String>> graph, List<String> path,
                                                Set<String> done) {
        int seen = path.indexOf(node);
        if (seen >= 0) {
            List<String> loop = new ArrayList<>(path.subList(seen, path.size()));
            loop.add(node);
            return Optional.of(loop);
        }
        if (done.contains(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            Optional<List<String>> found = visit(next, graph, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return Optional.empty();
    }
}
