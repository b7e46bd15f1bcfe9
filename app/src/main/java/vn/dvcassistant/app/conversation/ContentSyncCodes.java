package vn.dvcassistant.app.conversation;

import vn.dvcassistant.kb.Topic;

import java.util.List;

/** The catalogue codes a curated entry names (its procedure_codes). */
final class ContentSyncCodes {

    private ContentSyncCodes() {
    }

    static List<String> of(Topic topic) {
        return List.of();
    }
}
