package vn.dvcassistant.app.conversation;

import java.util.Arrays;

/**
 * A set of topic ids kept in one text column as "a,b,c": topic ids are kebab-case, so a comma never
 * occurs in one. The SQL in {@link SessionRepository} reads the same format.
 */
final class TopicIdList {

    private TopicIdList() {
    }

    static boolean contains(String list, String topicId) {
        return list != null && !list.isEmpty() && Arrays.asList(list.split(",")).contains(topicId);
    }

    static String add(String list, String topicId) {
        if (contains(list, topicId)) {
            return list;
        }
        return list == null || list.isEmpty() ? topicId : list + "," + topicId;
    }
}
