package vn.dvcassistant.app.knowledge;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.kb.ContentProblem;
import vn.dvcassistant.kb.ContentValidationException;
import vn.dvcassistant.kb.content.ContentFile;
import vn.dvcassistant.kb.content.ContentLoader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * YAML stays the exchange format: the published content downloads as a zip of YAML files in the layout of
 * {@code knowledge-base/content/} (one file per topic), and an upload of a zip or of single YAML files is
 * checked whole, like the loader checks the content at start, before anything is stored: all or nothing.
 * What changed becomes drafts for a second person to approve, or is published at once when review is off.
 */
@Singleton
public class ContentArchive {

    private static final Logger LOG = LoggerFactory.getLogger(ContentArchive.class);
    /** Far above the whole curated content (under 1 MB); a bigger upload is not content. */
    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_FILES = 5000;

    private final ContentStore store;
    private final ContentSync sync;
    private final ContentSettings settings;

    ContentArchive(ContentStore store, ContentSync sync, ContentSettings settings) {
        this.store = store;
        this.sync = sync;
        this.settings = settings;
    }

    /** One uploaded file: its name as sent and its bytes. */
    public record Upload(String name, byte[] bytes) {
    }

    /**
     * @param changed   the entries whose upload differed from what is published
     * @param published whether they are served now (review off) or wait as drafts for approval
     */
    public record Imported(List<String> changed, boolean published) {
    }

    /** The published content as a zip of YAML files. */
    public byte[] exportZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ContentFile file : store.publishedFiles()) {
                zip.putNextEntry(new ZipEntry(file.path()));
                zip.write(file.text().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Checks the uploads with the published content they replace and stores them.
     *
     * @throws ContentRefused listing every problem; nothing was stored
     */
    public Imported importFiles(List<Upload> uploads, String author, String origin) {
        List<ContentFile> files = read(uploads);
        Map<String, ContentFile> merged = new LinkedHashMap<>();
        for (ContentFile published : store.publishedFiles()) {
            merged.put(ContentStore.entryIdOf(published), published);
        }
        for (ContentFile file : files) {
            // An entry moved to another field folder replaces its old file, it is not a second copy.
            merged.put(ContentStore.entryIdOf(file), file);
        }
        try {
            new ContentLoader().load(new ArrayList<>(merged.values()));
        } catch (ContentValidationException e) {
            throw new ContentRefused(e.problems().stream().map(ContentArchive::line).toList());
        }
        boolean publish = !settings.review();
        List<String> changed = store.storeFiles(files, author, origin, publish);
        LOG.info("content=imported origin={} files={} changed={} published={}", origin, files.size(), changed.size(), publish);
        if (publish && !changed.isEmpty()) {
            sync.refresh();
        }
        return new Imported(changed, publish);
    }

    /** The content files of what was read from disk ({@code DVC_KB_DIR}), checked and stored like an upload. */
    public Imported importContent(List<ContentFile> files, String author, String origin) {
        List<Upload> uploads = files.stream()
                .map(f -> new Upload(f.path(), f.text().getBytes(StandardCharsets.UTF_8))).toList();
        return importFiles(uploads, author, origin);
    }

    private static List<ContentFile> read(List<Upload> uploads) {
        List<ContentFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long total = 0;
        for (Upload upload : uploads) {
            total += upload.bytes().length;
            if (total > MAX_BYTES) {
                throw new ContentRefused(List.of("Tệp tải lên quá lớn (tối đa 20 MB)."));
            }
            String name = upload.name() == null ? "" : upload.name().replace('\\', '/');
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                files.addAll(unzip(upload.bytes(), problems));
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                single(name, upload.bytes(), problems).ifPresent(files::add);
            } else {
                problems.add(fileName(name) + ": chỉ nhận tệp .zip hoặc tệp YAML (.yml).");
            }
        }
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add("Chưa chọn tệp nào.");
        }
        if (!problems.isEmpty()) {
            throw new ContentRefused(problems);
        }
        return files;
    }

    /** A single topic file: its folder is the field it names, as in the content layout. */
    private static java.util.Optional<ContentFile> single(String name, byte[] bytes, List<String> problems) {
        String base = fileName(name);
        java.util.Optional<String> text = utf8(bytes);
        if (text.isEmpty()) {
            problems.add(base + ": tệp không phải văn bản UTF-8.");
            return java.util.Optional.empty();
        }
        String path = base.replaceFirst("\\.yaml$", ".yml");
        if (!path.equals(ContentLoader.SYNONYMS_FILE) && !path.equals(ContentLoader.OUT_OF_SCOPE_FILE)) {
            Map<String, Object> fields;
            try {
                fields = TopicYaml.fields(text.get());
            } catch (RuntimeException e) {
                problems.add(base + ": tệp YAML sai cú pháp.");
                return java.util.Optional.empty();
            }
            path = TopicYaml.path(path.substring(0, path.length() - ".yml".length()), fields);
        }
        return java.util.Optional.of(new ContentFile(path, text.get()));
    }

    private static List<ContentFile> unzip(byte[] bytes, List<String> problems) {
        List<ContentFile> files = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || fileName(name).startsWith(".")
                        || fileName(name).equalsIgnoreCase("README.md")) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    problems.add("Tệp zip có quá nhiều tệp (tối đa " + MAX_FILES + ").");
                    break;
                }
                // Read with a cap: the declared size of an entry cannot be trusted (a zip bomb).
                byte[] content = zip.readNBytes(MAX_BYTES + 1);
                total += content.length;
                if (total > MAX_BYTES) {
                    problems.add("Nội dung trong tệp zip quá lớn (tối đa 20 MB khi giải nén).");
                    break;
                }
                String path = stripTop(name);
                if (path.contains("..") || path.startsWith("/")) {
                    problems.add(name + ": đường dẫn không hợp lệ.");
                } else if (!path.endsWith(".yml")) {
                    problems.add(name + ": chỉ nhận tệp YAML (.yml).");
                } else {
                    utf8(content).ifPresentOrElse(text -> files.add(new ContentFile(path, text)),
                            () -> problems.add(name + ": tệp không phải văn bản UTF-8."));
                }
            }
        } catch (ZipException e) {
            problems.add("Tệp zip bị hỏng, không đọc được.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add("Tệp zip không có tệp YAML nào.");
        }
        return files;
    }

    /** A zip made by compressing the {@code content} folder itself has that folder on top: it is not a field. */
    private static String stripTop(String name) {
        if (name.startsWith("content/")) {
            return name.substring("content/".length());
        }
        return name;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static java.util.Optional<String> utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return java.util.Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    private static String line(ContentProblem problem) {
        String where = ContentProblem.WHOLE_FILE.equals(problem.field()) ? problem.file()
                : problem.file() + " (" + problem.field() + ")";
        return where + ": " + ProblemText.vietnamese(problem.message());
    }

    /** An upload refused whole, with every problem in Vietnamese (file, field and what is wrong). */
    public static final class ContentRefused extends RuntimeException {
        private final List<String> problems;

        ContentRefused(List<String> problems) {
            super("content refused: " + problems.size() + " problems", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
