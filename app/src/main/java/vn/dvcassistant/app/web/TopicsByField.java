package vn.dvcassistant.app.web;

import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.Topic;

import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Topics grouped by field, fields and titles in Vietnamese alphabetical order ("Đ" after "D", not after "Z"),
 * as people look for them in a long list: the volunteer's procedure list and the staff's printable guides.
 */
public final class TopicsByField {

    /** One field and its topics, both sorted. */
    public record Group(Field field, List<Topic> topics) {

        public String code() {
            return field.code();
        }

        public String label() {
            return field.label();
        }
    }

    private TopicsByField() {
    }

    /** The fields having at least one topic that passes {@code keep}, each with those topics. */
    public static List<Group> of(Collection<Topic> topics, Predicate<Topic> keep) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        Map<Field, List<Topic>> byField = topics.stream().filter(keep)
                .collect(Collectors.groupingBy(Topic::field, TreeMap::new, Collectors.toList()));
        return byField.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing(Topic::title, collator)).toList()))
                .sorted(Comparator.comparing(Group::label, collator))
                .toList();
    }
}
