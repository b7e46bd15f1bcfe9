package vn.dvcassistant.kb;

/**
 * One thing wrong with the content, precise enough for an editor to fix it without reading code.
 *
 * @param file    path relative to the content root, e.g. {@code ho-tich/dang-ky-khai-sinh.yml}
 * @param field   the YAML field concerned, or {@code (file)} when the whole file is
 * @param message what is wrong
 */
public record ContentProblem(String file, String field, String message) {

    public static final String WHOLE_FILE = "(file)";

    @Override
    public String toString() {
        return file + ": " + field + ": " + message;
    }
}
