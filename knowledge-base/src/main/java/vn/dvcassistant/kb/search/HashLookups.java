package vn.dvcassistant.kb.search;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Read-only maps and sets for the term lookups every question makes (dozens per question, in four
 * dictionaries). {@code Map.copyOf} and {@code Set.of} probe by calling {@code equals} on every key they pass,
 * where a {@link HashMap} compares the cached hash codes first: with the content's tens of thousands of
 * terms, those string comparisons showed as the largest single cost of the search in the chat's profile.
 */
final class HashLookups {

    private HashLookups() {
    }

    static <K, V> Map<K, V> map(Map<K, V> entries) {
        return Collections.unmodifiableMap(new HashMap<>(entries));
    }

    static <T> Set<T> set(Collection<T> elements) {
        return Collections.unmodifiableSet(new HashSet<>(elements));
    }

    @SafeVarargs
    static <T> Set<T> setOf(T... elements) {
        Set<T> set = new HashSet<>();
        for (T element : elements) {
            if (!set.add(element)) {
                throw new IllegalArgumentException("duplicate element: " + element);
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
