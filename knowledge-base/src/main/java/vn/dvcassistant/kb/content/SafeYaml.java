package vn.dvcassistant.kb.content;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML configured for content files: safe constructor (no arbitrary types), duplicate keys
 * refused, and every scalar kept as a string so that dates, numbers and "no" are validated by us
 * with a clear message instead of being silently converted.
 */
public final class SafeYaml {

    private SafeYaml() {
    }

    static Yaml create() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1_000_000);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new StringsOnlyResolver());
    }

    /** The mapping of a content file's text, every scalar a string; empty when it is not a mapping or not YAML. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> parseMapping(String text) {
        try {
            Object parsed = create().load(text);
            return parsed instanceof java.util.Map<?, ?> map
                    ? new java.util.LinkedHashMap<>((java.util.Map<String, Object>) map) : new java.util.LinkedHashMap<>();
        } catch (RuntimeException e) {
            return new java.util.LinkedHashMap<>();
        }
    }

    /** A mapping written as a content file: block style, Vietnamese kept as it is. */
    public static String dump(java.util.Map<String, Object> fields) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(120);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options).dump(fields);
    }

    /** Resolves only null; everything else stays a string. */
    private static final class StringsOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
