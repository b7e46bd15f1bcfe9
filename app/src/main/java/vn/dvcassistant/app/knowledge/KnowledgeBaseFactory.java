package vn.dvcassistant.app.knowledge;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import vn.dvcassistant.kb.KnowledgeBase;

@Factory
final class KnowledgeBaseFactory {

    /** Eager, so that broken content stops the service at start instead of failing the first citizen. */
    @Context
    KnowledgeBase knowledgeBase(KnowledgeBaseLoader loader) {
        return loader.await();
    }
}
