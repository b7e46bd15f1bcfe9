package vn.dvcassistant.kb.search;

/**
 * The searchable parts of a topic and how much a match in each counts. Titles and the ways people ask
 * weigh more than the answer text, which mentions many neighbouring procedures in passing.
 */
enum IndexedField {
    TITLE("title", 3.0f),
    QUESTIONS("questions", 2.5f),
    KEYWORDS("keywords", 2.5f),
    BODY("body", 1.0f);

    final String name;
    final float boost;

    IndexedField(String name, float boost) {
        this.name = name;
        this.boost = boost;
    }
}
