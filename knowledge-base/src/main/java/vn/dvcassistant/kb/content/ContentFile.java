package vn.dvcassistant.kb.content;

/**
 * A file read from the content root.
 *
 * @param path path relative to the content root with '/' separators, e.g. {@code ho-tich/dang-ky-khai-sinh.yml}
 */
public record ContentFile(String path, String text) {

    /** The folder the file sits in, or the empty string at the root. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file name without folder and extension. */
    public String baseName() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
